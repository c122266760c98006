"""Normalising contact details: email addresses and phone numbers (E.164, via phonenumbers).

Pure functions with no database access, shared by forms, actions and the CSV importer.
"""

import re
from dataclasses import dataclass

import phonenumbers
from phonenumbers import PhoneNumberType

_EMAIL_RE = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$"
)


class ContactError(ValueError):
    """A contact detail that cannot be used, with a message fit to show the person who typed it."""


def normalise_email(raw: str) -> str:
    """Trimmed, lower-cased address, or ContactError. Lower-cased whole: the movement treats
    Jo@Example.org and jo@example.org as one person."""
    address = raw.strip().lower()
    if len(address) > 254 or not _EMAIL_RE.match(address) or ".." in address:
        raise ContactError(f"“{raw.strip()[:80]}” is not a valid email address.")
    return address


@dataclass(frozen=True)
class Phone:
    number: str  # E.164
    number_type: str  # mobile, landline or other
    sms_capable: bool


_MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}
_LANDLINE_TYPES = {PhoneNumberType.FIXED_LINE, PhoneNumberType.VOIP}


def normalise_phone(raw: str, default_region: str = "GB") -> Phone:
    """Parse a number as typed (07..., +44..., 0044...) into E.164 with its type, or ContactError."""
    text = raw.strip()
    if not text:
        raise ContactError("No phone number given.")
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ContactError(f"“{text[:40]}” is not a phone number.") from exc
    if not phonenumbers.is_valid_number(parsed):
        raise ContactError(f"“{text[:40]}” is not a valid phone number.")
    kind = phonenumbers.number_type(parsed)
    if kind in _MOBILE_TYPES:
        number_type, sms = "mobile", True
    elif kind in _LANDLINE_TYPES:
        number_type, sms = "landline", False
    else:
        number_type, sms = "other", False
    return Phone(
        phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), number_type, sms
    )
