"""A fake Twilio Messages API on localhost for tests, in the standard library only.

It speaks what the Twilio provider uses: POST /2010-04-01/Accounts/{Sid}/Messages.json with HTTP
Basic auth, answering 201 with Twilio-shaped JSON or Twilio's error JSON (21211 invalid To, 21614
landline, 21610 unsubscribed, 21612 unreachable, 20003 bad credentials). It records every request,
can be told to fail (500) or hang (for timeouts), and can POST webhooks (inbound texts, status
callbacks) signed with the auth token exactly as Twilio signs them.

    with FakeTwilio(landlines={"+442079460018"}) as fake:
        provider = TwilioProvider(account_sid=fake.account_sid, auth_token=fake.auth_token,
                                  from_number="+447400000001", api_base=fake.url)

For Django's test client, `inbound_request`/`status_request` give (params, headers) to post.
"""

import base64
import hashlib
import hmac
import json
import re
import secrets
import threading
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "fake-auth-token-0123456789abcdef"
_E164 = re.compile(r"^\+[1-9]\d{6,14}$")
_HANG_LIMIT_SECONDS = 30


@dataclass(frozen=True)
class RecordedRequest:
    method: str
    path: str
    form: dict[str, str]
    headers: dict[str, str]
    authorised: bool


@dataclass(frozen=True)
class FakeMessage:
    sid: str
    to: str
    sender: str  # From, or the MessagingServiceSid
    body: str
    status_callback: str


@dataclass
class _Orders:
    """What the next requests should suffer, set by a test."""

    fail: list[int] = field(default_factory=list)  # HTTP statuses to answer with, in turn
    hang: int = 0  # how many requests to leave unanswered
    release: threading.Event = field(default_factory=threading.Event)


def twilio_signature(auth_token: str, url: str, params: dict[str, str]) -> str:
    """X-Twilio-Signature as Twilio computes it: base64 HMAC-SHA1 of url + sorted name+value."""
    data = url + "".join(f"{name}{params[name]}" for name in sorted(params))
    return base64.b64encode(
        hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()
    ).decode()


def _segments(body: str) -> int:
    # Rough on purpose (ASCII counts as GSM-7): the fake needs only a plausible num_segments.
    if all(" " <= ch <= "~" or ch in "\n\r" for ch in body):
        single, part, units = 160, 153, len(body)
    else:
        single, part, units = 70, 67, len(body.encode("utf-16-le")) // 2
    return 1 if units <= single else -(-units // part)


class FakeTwilio:
    """The fake server. Use as a context manager (or the `fake_twilio` fixture)."""

    def __init__(
        self,
        *,
        account_sid: str = ACCOUNT_SID,
        auth_token: str = AUTH_TOKEN,
        landlines: Iterable[str] = (),
        unsubscribed: Iterable[str] = (),
        invalid: Iterable[str] = (),
        unreachable: Iterable[str] = (),
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.landlines = set(landlines)
        self.unsubscribed = set(unsubscribed)
        self.invalid = set(invalid)
        self.unreachable = set(unreachable)
        self.requests: list[RecordedRequest] = []
        self.messages: list[FakeMessage] = []
        self._orders = _Orders()
        self._lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None  # bound on entry, so an unstarted fake
        self._thread: threading.Thread | None = None  # can still build signed webhooks

    @property
    def url(self) -> str:
        """The API base to give the provider (in place of https://api.twilio.com)."""
        if self._server is None:
            raise RuntimeError("Start the fake first: `with FakeTwilio() as fake:`.")
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    @property
    def messages_path(self) -> str:
        return f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"

    def __enter__(self) -> "FakeTwilio":
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.fake = self  # type: ignore[attr-defined]
        # A short poll interval makes shutdown (every test's teardown) near instant.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._orders.release.set()  # let hanging handlers finish
        if self._server is not None and self._thread is not None:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def fail_next(self, status: int = 500, times: int = 1) -> None:
        """Answer the next `times` message requests with `status` and Twilio's error JSON."""
        self._orders.fail.extend([status] * times)

    def hang_next(self, times: int = 1) -> None:
        """Leave the next `times` message requests unanswered (until the fake stops, or 30 s)."""
        self._orders.hang += times

    def message(self, sid: str) -> FakeMessage:
        return next(m for m in self.messages if m.sid == sid)

    # --- webhooks, signed as Twilio signs them -----------------------------------------------

    def sign(self, url: str, params: dict[str, str]) -> dict[str, str]:
        """The headers Twilio would send with these POST parameters to this URL."""
        return {"X-Twilio-Signature": twilio_signature(self.auth_token, url, params)}

    def inbound_request(
        self, url: str, *, from_number: str, body: str, to: str = "+447400000001", sid: str = ""
    ) -> tuple[dict[str, str], dict[str, str]]:
        """(params, headers) of an inbound-text webhook, as Twilio posts it."""
        sid = sid or _new_sid()
        params = {
            "ToCountry": "GB",
            "SmsMessageSid": sid,
            "NumMedia": "0",
            "SmsSid": sid,
            "SmsStatus": "received",
            "Body": body,
            "To": to,
            "NumSegments": str(_segments(body)),
            "MessageSid": sid,
            "AccountSid": self.account_sid,
            "From": from_number,
            "ApiVersion": "2010-04-01",
        }
        return params, self.sign(url, params)

    def status_request(
        self, url: str, *, sid: str, status: str, error_code: str = ""
    ) -> tuple[dict[str, str], dict[str, str]]:
        """(params, headers) of a status callback for message `sid`."""
        params = {
            "SmsSid": sid,
            "SmsStatus": status,
            "MessageStatus": status,
            "MessageSid": sid,
            "AccountSid": self.account_sid,
            "ApiVersion": "2010-04-01",
        }
        if error_code:
            params["ErrorCode"] = error_code
        return params, self.sign(url, params)

    def post_inbound(
        self, url: str, *, from_number: str, body: str, to: str = "+447400000001"
    ) -> int:
        """POST a signed inbound text to `url`; the HTTP status the app answered."""
        params, headers = self.inbound_request(url, from_number=from_number, body=body, to=to)
        return post_form(url, params, headers)

    def post_status(self, sid: str, status: str, *, url: str = "", error_code: str = "") -> int:
        """POST a signed status callback for a sent message, to its StatusCallback by default."""
        target = url or self.message(sid).status_callback
        params, headers = self.status_request(target, sid=sid, status=status, error_code=error_code)
        return post_form(target, params, headers)


def post_form(url: str, params: dict[str, str], headers: dict[str, str]) -> int:
    """POST a form to `url` (a test's own server) and return the HTTP status."""
    request = urllib.request.Request(url, data=urlencode(params).encode(), method="POST")
    for name, value in {**headers, "User-Agent": "TwilioProxy/1.1"}.items():
        request.add_header(name, value)
    request.add_header("I-Twilio-Idempotency-Token", secrets.token_hex(16))
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def _new_sid() -> str:
    return "SM" + secrets.token_hex(16)


@pytest.fixture
def fake_twilio() -> Iterator[FakeTwilio]:
    """A running FakeTwilio with the default account sid and auth token."""
    with FakeTwilio() as fake:
        yield fake


# Twilio's answers for refused recipients: (code, message).
_REFUSALS = {
    "invalid": ("21211", "The 'To' number {to} is not a valid phone number."),
    "landline": ("21614", "'To' number {to} is not a valid mobile number"),
    "unsubscribed": ("21610", "Attempt to send to unsubscribed recipient"),
    "unreachable": ("21612", "The 'To' phone number: {to}, is not currently reachable via SMS."),
}


class _Handler(BaseHTTPRequestHandler):
    server: Any  # the ThreadingHTTPServer, carrying .fake
    protocol_version = "HTTP/1.1"  # keep-alive, as Twilio's API does; every answer has a length
    # Headers and body go out in two writes: without this, the body waits for the client's delayed
    # acknowledgement of the headers (40 ms) on a kept-alive connection.
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (the base's name)
        pass  # keep test output clean

    def do_POST(self) -> None:
        fake: FakeTwilio = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        form = dict(parse_qsl(self.rfile.read(length).decode(), keep_blank_values=True))
        authorised = self._authorised(fake)
        with fake._lock:
            fake.requests.append(
                RecordedRequest("POST", self.path, form, dict(self.headers.items()), authorised)
            )
        if self.path != fake.messages_path:
            return self._error(404, "20404", f"The requested resource {self.path} was not found")
        if not authorised:
            return self._error(401, "20003", "Authenticate")
        if self._obey_orders(fake):
            return None
        refusal = self._refusal(fake, form)
        if refusal:
            return self._error(400, *refusal)
        self._accept(fake, form)
        return None

    def _authorised(self, fake: FakeTwilio) -> bool:
        expected = base64.b64encode(f"{fake.account_sid}:{fake.auth_token}".encode()).decode()
        return hmac.compare_digest(self.headers.get("Authorization", ""), f"Basic {expected}")

    def _obey_orders(self, fake: FakeTwilio) -> bool:
        orders = fake._orders
        with fake._lock:
            hang = orders.hang > 0
            orders.hang -= 1 if hang else 0
            status = orders.fail.pop(0) if orders.fail and not hang else None
        if hang:
            orders.release.wait(_HANG_LIMIT_SECONDS)
            self.close_connection = True
            return True
        if status is not None:
            self._error(status, "20500", "An internal server error has occurred")
            return True
        return False

    def _refusal(self, fake: FakeTwilio, form: dict[str, str]) -> tuple[str, str] | None:
        to = form.get("To", "")
        if not to:
            return "21604", "A 'To' phone number is required."
        if not (form.get("From") or form.get("MessagingServiceSid")):
            return "21603", "A 'From' phone number is required."
        if not form.get("Body"):
            return "21602", "Message body is required."
        for kind, numbers in (
            ("invalid", fake.invalid),
            ("landline", fake.landlines),
            ("unsubscribed", fake.unsubscribed),
            ("unreachable", fake.unreachable),
        ):
            if to in numbers or (kind == "invalid" and not _E164.match(to)):
                code, message = _REFUSALS[kind]
                return code, message.format(to=to)
        return None

    def _accept(self, fake: FakeTwilio, form: dict[str, str]) -> None:
        sid = _new_sid()
        sender = form.get("MessagingServiceSid") or form["From"]
        message = FakeMessage(sid, form["To"], sender, form["Body"], form.get("StatusCallback", ""))
        with fake._lock:
            fake.messages.append(message)
        self._json(
            201,
            {
                "sid": sid,
                "account_sid": fake.account_sid,
                "to": form["To"],
                "from": form.get("From"),
                "messaging_service_sid": form.get("MessagingServiceSid"),
                "body": form["Body"],
                "status": "accepted" if form.get("MessagingServiceSid") else "queued",
                "num_segments": str(_segments(form["Body"])),
                "direction": "outbound-api",
                "api_version": "2010-04-01",
                "date_created": formatdate(usegmt=True),
                "error_code": None,
                "error_message": None,
                "uri": f"{fake.messages_path[:-5]}/{sid}.json",
            },
        )

    def _error(self, status: int, code: str, message: str) -> None:
        self._json(
            status,
            {
                "code": int(code),
                "message": message,
                "more_info": f"https://www.twilio.com/docs/errors/{code}",
                "status": status,
            },
        )

    def _json(self, status: int, payload: dict[str, Any]) -> None:
        body = json.dumps(payload).encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout test): nothing to tell it
