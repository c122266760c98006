"""The development provider: each text becomes one JSON line in a file (and on standard output).

Nothing leaves the machine. Ids look like "console-<uuid>". Its webhooks use Twilio's parameter names
and Twilio's signature scheme, keyed with settings.SMS_CONSOLE_SECRET and sent in the
X-Groundswell-Signature header, so the webhook views run the same checks in development.

Simulating a reply (or a delivery report) in development, from a shell on the dev machine:

    .venv/bin/python manage.py shell -c "
    from groundswell.messaging.sms.console import curl_command
    print(curl_command('http://127.0.0.1:8000/<inbound webhook path>',
                       {'MessageSid': 'console-reply-1', 'From': '+447700900123',
                        'To': '+447700900000', 'Body': 'STOP'}))"

then run the curl command it prints. For a status callback send MessageSid (the console id from the
log) and MessageStatus=delivered to the status URL instead. `sign_console_request` gives the bare
signature for a form or a test client.
"""

import json
import re
import shlex
import sys
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO
from urllib.parse import urlencode

from groundswell.messaging.sms.errors import SmsRefused
from groundswell.messaging.sms.messages import InboundMessage, SentMessage, StatusUpdate
from groundswell.messaging.sms.segments import measure
from groundswell.messaging.sms.signatures import compute_signature, header_value, signature_matches
from groundswell.messaging.sms.webhook_params import parse_inbound_params, parse_status_params

SIGNATURE_HEADER = "X-Groundswell-Signature"
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


class ConsoleProvider:
    """Writes texts to `path` (one JSON object a line) and, if `echo`, to `stream` or stdout."""

    def __init__(
        self,
        *,
        path: Path | str | None,
        secret: str,
        from_number: str = "",
        echo: bool = True,
        stream: TextIO | None = None,
    ) -> None:
        self.path = Path(path) if path else None
        self.secret = secret
        self.from_number = from_number or "+447700900000"  # Ofcom's drama range: never a real line
        self.echo = echo
        self.stream = stream

    def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentMessage:
        # Refuse what Twilio would, so development shows the same errors.
        if not _E164.match(to):
            raise SmsRefused(f"{to} is not a valid phone number (21211).", "21211", permanent=True)
        if not body.strip():
            raise SmsRefused(f"{to} was sent an empty message (21602).", "21602", permanent=False)
        info = measure(body)
        record = {
            "id": f"console-{uuid.uuid4()}",
            "sent_at": datetime.now(UTC).isoformat(),
            "from": self.from_number,
            "to": to,
            "body": body,
            "encoding": info.encoding,
            "segments": info.segments,
            "status_callback": status_callback,
        }
        self._write(json.dumps(record, ensure_ascii=False))
        return SentMessage(provider_id=str(record["id"]), status="sent", segments=info.segments)

    def verify_request(
        self, url: str, params: Mapping[str, str], headers: Mapping[str, str]
    ) -> bool:
        signature = header_value(headers, SIGNATURE_HEADER)
        return signature_matches(self.secret, url, params, signature)

    def parse_inbound(self, params: Mapping[str, str]) -> InboundMessage:
        return parse_inbound_params(params)

    def parse_status(self, params: Mapping[str, str]) -> StatusUpdate:
        return parse_status_params(params)

    def _write(self, line: str) -> None:
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # One write of one line in append mode, so concurrent workers do not interleave lines.
            with self.path.open("a", encoding="utf-8") as log:
                log.write(line + "\n")
        if self.echo:
            print(line, file=self.stream or sys.stdout, flush=True)


def sign_console_request(url: str, params: Mapping[str, str], secret: str | None = None) -> str:
    """The X-Groundswell-Signature value for a simulated webhook (secret from settings if None)."""
    if secret is None:
        from django.conf import settings

        secret = str(settings.SMS_CONSOLE_SECRET)
    return compute_signature(secret, url, params)


def curl_command(url: str, params: Mapping[str, str], secret: str | None = None) -> str:
    """A shell command that POSTs a signed simulated webhook to the development server."""
    signature = sign_console_request(url, params, secret)
    return " ".join(
        [
            "curl -sS -X POST",
            shlex.quote(url),
            "-H",
            shlex.quote(f"{SIGNATURE_HEADER}: {signature}"),
            "--data",
            shlex.quote(urlencode(params)),
        ]
    )
