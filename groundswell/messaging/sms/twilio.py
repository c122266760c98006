"""A provider speaking Twilio's Programmable Messaging HTTP API (over urllib3, connections kept alive).

Send: POST {api_base}/2010-04-01/Accounts/{AccountSid}/Messages.json, HTTP Basic auth
(AccountSid:AuthToken), form fields To, From or MessagingServiceSid, Body, StatusCallback.
Webhooks: X-Twilio-Signature checked as Twilio signs it (see signatures.py).
"""

import base64
import json
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

import urllib3

from groundswell.messaging.sms.errors import SmsUnavailable
from groundswell.messaging.sms.messages import InboundMessage, SentMessage, StatusUpdate
from groundswell.messaging.sms.segments import measure
from groundswell.messaging.sms.signatures import header_value, signature_matches
from groundswell.messaging.sms.statuses import Status, normalise_status
from groundswell.messaging.sms.twilio_errors import error_from_response
from groundswell.messaging.sms.webhook_params import parse_inbound_params, parse_status_params

SIGNATURE_HEADER = "X-Twilio-Signature"


class TwilioProvider:
    """Sends through Twilio (or anything speaking its API at `api_base`, such as the test fake)."""

    def __init__(
        self,
        *,
        account_sid: str,
        auth_token: str,
        from_number: str = "",
        messaging_service_sid: str = "",
        api_base: str = "https://api.twilio.com",
        timeout: float = 10.0,
    ) -> None:
        if not (from_number or messaging_service_sid):
            raise ValueError("A Twilio provider needs a From number or a MessagingServiceSid.")
        self.account_sid = account_sid
        self.auth_token = auth_token
        self.from_number = from_number
        self.messaging_service_sid = messaging_service_sid
        self.messages_url = (
            f"{api_base.rstrip('/')}/2010-04-01/Accounts/{quote(account_sid)}/Messages.json"
        )
        self.timeout = timeout
        credentials = base64.b64encode(f"{account_sid}:{auth_token}".encode()).decode()
        self._headers = {
            "Authorization": f"Basic {credentials}",
            "Accept": "application/json",
            "Content-Type": "application/x-www-form-urlencoded",
            "User-Agent": "Groundswell-SMS",
        }
        # One pool per provider (built once per process), shared by the threads serving texters:
        # connections are kept alive between sends, and one the server has closed while idle is
        # noticed before it is reused, so a send does not fail on a stale connection.
        self._http = urllib3.PoolManager(
            num_pools=4, maxsize=32, timeout=urllib3.Timeout(connect=timeout, read=timeout)
        )

    def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentMessage:
        payload = self._post(self._form(to, body, status_callback), to)
        sid = payload.get("sid")
        if not isinstance(sid, str) or not sid:
            raise SmsUnavailable("Twilio accepted the message but sent back no message id.")
        return SentMessage(
            provider_id=sid,
            status=_status(payload.get("status")),
            segments=_segments(payload.get("num_segments"), body),
        )

    def verify_request(
        self, url: str, params: Mapping[str, str], headers: Mapping[str, str]
    ) -> bool:
        signature = header_value(headers, SIGNATURE_HEADER)
        return signature_matches(self.auth_token, url, params, signature)

    def parse_inbound(self, params: Mapping[str, str]) -> InboundMessage:
        return parse_inbound_params(params)

    def parse_status(self, params: Mapping[str, str]) -> StatusUpdate:
        return parse_status_params(params)

    def _form(self, to: str, body: str, status_callback: str | None) -> dict[str, str]:
        form = {"To": to, "Body": body}
        # A Messaging Service picks the sender from its pool and applies its opt-out lists.
        if self.messaging_service_sid:
            form["MessagingServiceSid"] = self.messaging_service_sid
        else:
            form["From"] = self.from_number
        if status_callback:
            form["StatusCallback"] = status_callback
        return form

    def _post(self, form: dict[str, str], to: str) -> dict[str, Any]:
        try:
            response = self._http.request(
                "POST",
                self.messages_url,
                body=urlencode(form),
                headers=self._headers,
                retries=False,  # a POST that may have gone is never sent twice
            )
        except (urllib3.exceptions.ConnectTimeoutError, urllib3.exceptions.SSLError) as exc:
            # Connecting (NewConnectionError is a kind of ConnectTimeoutError) or the TLS
            # handshake failed: nothing reached Twilio.
            raise SmsUnavailable(self._unreached(exc)) from exc
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            # The request was written but the answer never came (read timeout, dropped line).
            raise SmsUnavailable(self._unanswered(exc), maybe_sent=True) from exc
        if response.status >= 400:
            raise error_from_response(response.status, _json_object(response.data), to)
        return _json_object(response.data)

    def _unreached(self, exc: Exception) -> str:
        if isinstance(exc, urllib3.exceptions.NewConnectionError):
            return f"Could not reach Twilio ({exc}); nothing was sent."
        if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
            return f"Twilio could not be reached within {self.timeout:g} s; nothing was sent."
        return f"Could not reach Twilio ({exc}); nothing was sent."

    def _unanswered(self, exc: Exception) -> str:
        if isinstance(exc, urllib3.exceptions.ReadTimeoutError | TimeoutError):
            what = f"did not answer within {self.timeout:g} s"
        else:
            what = f"the connection failed before its answer ({exc!r})"
        return f"Twilio took the request but {what}: the text may or may not have gone."


def _json_object(raw: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(raw or b"{}")
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def _status(raw: object) -> Status:
    try:
        return normalise_status(str(raw or "queued"))
    except ValueError:
        return "queued"


def _segments(raw: object, body: str) -> int:
    # Twilio sends num_segments as a string ("1"); count ourselves if it is missing.
    try:
        return int(str(raw))
    except ValueError:
        return max(measure(body).segments, 1)
