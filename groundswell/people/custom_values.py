"""Checking a custom field's value against its kind (text, number, date, yes/no, choice).

Pure functions with no Django import: the person page, the CSV importer and the API all clean values the
same way, and store what these return in Person.custom_fields (JSON: str, int, float or bool).
"""

import math
from datetime import date, datetime

KINDS = ("text", "number", "date", "yes_no", "choice")
TEXT_MAX = 500
_YES = {"yes", "y", "true", "t", "1", "on"}
_NO = {"no", "n", "false", "f", "0", "off"}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y")

CustomValue = str | int | float | bool


class CustomValueError(ValueError):
    """A value that does not fit its field, with a message fit to show the person who typed it."""


def clean_custom_value(
    kind: str, raw: object, choices: list[str] | None = None, label: str = "This field"
) -> CustomValue | None:
    """The value to store, None for a blank (meaning "remove"), or CustomValueError."""
    if isinstance(raw, bool) and kind == "yes_no":
        return raw
    if isinstance(raw, int | float) and not isinstance(raw, bool) and kind == "number":
        return _finite(raw, label)
    text = "" if raw is None else str(raw).strip()
    if not text:
        return None
    cleaner = _CLEANERS.get(kind)
    if cleaner is None:
        raise CustomValueError(f"{label} has an unknown kind “{kind}”.")
    return cleaner(text, choices or [], label)


def _text(text: str, choices: list[str], label: str) -> str:
    if len(text) > TEXT_MAX:
        raise CustomValueError(f"{label} must be at most {TEXT_MAX} characters.")
    return text


def _number(text: str, choices: list[str], label: str) -> int | float:
    cleaned = text.replace(",", "").replace("£", "")
    try:
        return int(cleaned)
    except ValueError:
        pass
    try:
        return _finite(float(cleaned), label)
    except ValueError:
        raise CustomValueError(f"{label} must be a number, not “{text[:40]}”.") from None


def _finite(value: int | float, label: str) -> int | float:
    if isinstance(value, float) and not math.isfinite(value):
        raise CustomValueError(f"{label} must be a number.")
    return value


def _date(text: str, choices: list[str], label: str) -> str:
    for fmt in _DATE_FORMATS:
        try:
            parsed: date = datetime.strptime(text, fmt).date()  # noqa: DTZ007 - a calendar date, no time
        except ValueError:
            continue
        return parsed.isoformat()
    raise CustomValueError(f"{label} must be a date such as 2025-03-31 or 31/03/2025.")


def _yes_no(text: str, choices: list[str], label: str) -> bool:
    lowered = text.lower()
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    raise CustomValueError(f"{label} must be yes or no, not “{text[:40]}”.")


def _choice(text: str, choices: list[str], label: str) -> str:
    # Case-insensitive match, but store the choice exactly as it was defined.
    for choice in choices:
        if choice.lower() == text.lower():
            return choice
    offered = ", ".join(choices) or "none defined"
    raise CustomValueError(f"{label} must be one of: {offered}.")


_CLEANERS = {
    "text": _text,
    "number": _number,
    "date": _date,
    "yes_no": _yes_no,
    "choice": _choice,
}


def display_custom_value(value: object) -> str:
    """How a stored value reads on a page or in an export."""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return "" if value is None else str(value)
