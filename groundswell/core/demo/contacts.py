"""Invented contact details: email addresses on reserved domains, UK mobiles, postcodes and street addresses."""

import re
import unicodedata
from random import Random

from groundswell.people.contact import ContactError, normalise_phone

# Reserved for documentation (RFC 2606): mail to them can never reach anyone.
DEMO_EMAIL_DOMAINS = ("example.org", "example.net", "example.com")

# Mobile ranges phonenumbers accepts. Ofcom's drama range (07700 900xxx) is reserved and fails validation,
# so demo numbers are random real-format mobiles: never point the demo at a live SMS provider.
_MOBILE_PREFIXES = ("071", "072", "073", "074", "075", "077", "078", "079")
# Inward codes never use C, I, K, M, O or V in their last two letters.
_INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
_STREETS = (
    "High Street", "Station Road", "Church Lane", "Victoria Road", "Park Avenue", "Mill Lane",
    "Queen Street", "Market Street", "Albert Road", "York Road", "Chapel Street", "Green Lane",
    "Manor Road", "King Street", "New Road", "Springfield Road", "Grove Road", "Castle Street",
    "Union Street", "Co-operative Street", "Miners Row", "Tolpuddle Close", "Keir Hardie Way",
)  # fmt: skip


def _ascii_word(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9-]", "", plain.lower())


def email_address(given: str, family: str, number: int, domain: str) -> str:
    """firstname.lastname.N@domain: N makes it unique however common the name."""
    return f"{_ascii_word(given) or 'member'}.{_ascii_word(family) or 'member'}.{number}@{domain}"


def mobile_number(rng: Random, taken: set[str]) -> str:
    """A valid UK mobile in E.164 that is not in `taken` (which it joins)."""
    while True:
        typed = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        try:
            phone = normalise_phone(typed)
        except ContactError:
            continue
        if phone.number_type == "mobile" and phone.number not in taken:
            taken.add(phone.number)
            return phone.number


def inward_code(rng: Random) -> str:
    return f"{rng.randrange(10)}{rng.choice(_INWARD_LETTERS)}{rng.choice(_INWARD_LETTERS)}"


def street_address(rng: Random) -> str:
    return f"{rng.randint(1, 240)} {rng.choice(_STREETS)}"
