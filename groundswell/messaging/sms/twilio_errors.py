"""Twilio's error codes, sorted into "this recipient will not get it" and "try again later".

Codes from https://www.twilio.com/docs/api/errors. Anything not listed as a refusal is treated as the
provider being unavailable: nothing says the recipient was at fault, so the number is not condemned.
"""

from collections.abc import Mapping

from groundswell.messaging.sms.errors import SmsError, SmsRefused, SmsUnavailable

# code: (what to tell the organiser, whether the number itself will never work)
_REFUSALS: dict[str, tuple[str, bool]] = {
    "21211": ("is not a valid phone number", True),
    "21614": ("cannot receive texts: it is a landline or not SMS-capable", True),
    "21610": ("has replied STOP to our number; it takes no texts until it replies START", True),
    "21265": ("is a short code, which cannot be texted", True),
    "21266": ("is our own sending number", True),
    "21612": ("cannot be reached by text from our number at present", False),
    "21408": ("is in a country our provider account may not text", False),
    "21602": ("was sent an empty message", False),
    "21617": ("was sent a message longer than 1,600 characters", False),
}

# Delivery-report codes (status callbacks) after which texting the number again is pointless.
UNUSABLE_NUMBER_CODES = frozenset({"21211", "21610", "21614", "30005", "30006"})


def error_from_response(http_status: int, payload: Mapping[str, object], to: str) -> SmsError:
    """The exception for a Twilio error reply ({"code", "message", "more_info", "status"})."""
    code = str(payload.get("code") or "")
    message = str(payload.get("message") or "no message")
    if code in _REFUSALS and 400 <= http_status < 500:
        reason, permanent = _REFUSALS[code]
        return SmsRefused(f"{to} {reason} (Twilio {code}).", code, permanent=permanent)
    if http_status in (401, 403):
        return SmsUnavailable(f"Twilio rejected our credentials: {message} (Twilio {code}).", code)
    if http_status == 429:
        return SmsUnavailable("Twilio is throttling our sends; try again shortly.", code)
    label = f"Twilio {code}" if code else f"HTTP {http_status}"
    return SmsUnavailable(f"Twilio could not take the message: {message} ({label}).", code)
