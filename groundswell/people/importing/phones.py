"""A fast path for the commonest cell in a phone column, a UK mobile ("07700 900123", "+447700900123").

Parsing with `phonenumbers` costs ~30 µs a number, half a minute for a million-row file. A UK mobile is
checked here against the same phonenumbers metadata patterns in ~2 µs; anything else goes to
`normalise_phone`, so the answer is always the one `normalise_phone` gives (a test holds us to it).
"""

import re

from phonenumbers import PhoneMetadata

from groundswell.people.contact import Phone, normalise_phone

_SHAPE = re.compile(r"(?:0|\+44|0044)(7\d{9})")
_PUNCTUATION = str.maketrans("", "", " -.()\u00a0")
_OTHER_TYPES = (
    "premium_rate",
    "toll_free",
    "shared_cost",
    "voip",
    "personal_number",
    "pager",
    "uan",
)


def _pattern(desc: object) -> str | None:
    if desc is None or getattr(desc, "national_number_pattern", None) is None:
        return None
    lengths = getattr(desc, "possible_length", ()) or ()
    if lengths and 10 not in lengths:  # every UK mobile's national number has 10 digits
        return None
    return str(desc.national_number_pattern)  # type: ignore[attr-defined]


def _compile() -> re.Pattern[str] | None:
    """One pattern: GB's mobile pattern, unless a type phonenumbers checks first matches."""
    metadata = PhoneMetadata.metadata_for_region("GB")
    mobile = _pattern(metadata.mobile) if metadata else None
    if metadata is None or mobile is None:
        return None
    others = [p for name in _OTHER_TYPES if (p := _pattern(getattr(metadata, name, None)))]
    refuse = f"(?!(?:{'|'.join(others)})$)" if others else ""
    return re.compile(f"{refuse}(?:{mobile})")


_MOBILE = _compile()


def parse_phone(raw: str) -> Phone:
    """`normalise_phone(raw)`, quicker for UK mobiles. Raises ContactError like it."""
    shaped = _SHAPE.fullmatch(raw.translate(_PUNCTUATION))
    if shaped and _MOBILE is not None and _MOBILE.fullmatch(shaped.group(1)):
        return Phone("+44" + shaped.group(1), "mobile", True)
    return normalise_phone(raw)
