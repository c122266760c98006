"""Checking each leaf's settings (types, ranges, dates, known values) with no database, so a
definition from a form or the API is refused with a message an organiser can act on.

`clean_params` returns the settings as Python values (ints, floats, dates, tuples) for the compiler;
the JSON stored in SavedSearch.definition stays as it was given."""

import math
import re
from collections.abc import Callable
from datetime import date
from typing import Any

MEMBERSHIP_STATUSES = ("member", "supporter", "lapsed")
CHANNELS = ("email", "sms", "phone")
EVENT_STATUSES = ("signed_up", "attended")
MAX_ID = 2**63 - 1
MAX_KM = 200.0
MAX_DAYS = 3650
MAX_VALUES = 20
MAX_TEXT = 200
MAX_POSTCODE = 16
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class ParamError(ValueError):
    """One setting that cannot be used; the caller adds which rule it belongs to."""


Check = Callable[[str, Any], Any]


def whole_number(lowest: int, highest: int, *, required: bool = True) -> Check:
    def check(what: str, value: Any) -> int | None:
        if value is None and not required:
            return None
        if value is None:
            raise ParamError(f"{what} is missing")
        if isinstance(value, bool) or not isinstance(value, int):
            raise ParamError(f"{what} must be a whole number")
        if not lowest <= value <= highest:
            raise ParamError(f"{what} must be between {lowest} and {highest:,}")
        return value

    return check


def identifier(*, required: bool = True) -> Check:
    return whole_number(1, MAX_ID, required=required)


def number(lowest: float, highest: float) -> Check:
    def check(what: str, value: Any) -> float:
        if value is None:
            raise ParamError(f"{what} is missing")
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ParamError(f"{what} must be a number")
        if not math.isfinite(value) or not lowest < value <= highest:
            raise ParamError(f"{what} must be more than {lowest:g} and at most {highest:g}")
        return float(value)

    return check


def text(max_length: int, *, required: bool = True) -> Check:
    def check(what: str, value: Any) -> str | None:
        if value is None or value == "":
            if required:
                raise ParamError(f"{what} is missing")
            return None
        if not isinstance(value, str):
            raise ParamError(f"{what} must be text")
        if "\x00" in value:
            raise ParamError(f"{what} may not contain a NUL character")
        if not encodable(value):
            raise ParamError(f"{what} is not valid text")
        if len(value) > max_length:
            raise ParamError(f"{what} must be at most {max_length} characters")
        return value

    return check


def encodable(value: str) -> bool:
    # A lone surrogate ("\\ud800" in JSON) cannot be sent to the database as UTF-8.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def one_of(options: tuple[str, ...]) -> Check:
    def check(what: str, value: Any) -> str:
        if value is None or value == "":
            raise ParamError(f"{what} is missing")
        if not isinstance(value, str) or value not in options:
            raise ParamError(f"{what} must be one of {', '.join(options)}")
        return value

    return check


def optional_date(what: str, value: Any) -> date | None:
    if value is None or value == "":
        return None
    if not isinstance(value, str) or not _DATE.fullmatch(value):
        raise ParamError(f"{what} must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParamError(f"{what} ({value}) is not a real date") from None


def option_list(what: str, value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise ParamError(f"{what} must be a list")
    if len(value) > MAX_VALUES:
        raise ParamError(f"at most {MAX_VALUES} of {what} may be given")
    checked = text(MAX_TEXT)
    return tuple(dict.fromkeys(checked(what, item) for item in value))


def custom_value(what: str, value: Any) -> str | int | float | bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float):
        if not math.isfinite(value):
            raise ParamError(f"{what} must be a finite number")
        return value
    checked = text(500)(what, value)
    assert checked is not None  # required text is never None
    return checked


LABELS = {
    "tag": "Has tag",
    "group": "In group",
    "membership": "Membership status",
    "joined": "Member since",
    "near": "Lives near",
    "constituency": "Lives in constituency",
    "events": "Events",
    "answer": "Answered a question",
    "custom_field": "Custom field",
    "consent": "Consents to",
    "contacted_within": "Contacted recently",
    "in_search": "In saved search",
}

SPECS: dict[str, dict[str, tuple[str, Check]]] = {
    "tag": {"tag": ("the tag", identifier())},
    "group": {"group": ("the group", identifier())},
    "membership": {"status": ("the membership status", one_of(MEMBERSHIP_STATUSES))},
    "joined": {"after": ("the 'from' date", optional_date), "before": ("the 'to' date", optional_date)},
    "near": {
        "postcode": ("the postcode", text(MAX_POSTCODE)),
        "km": ("the distance in km", number(0.0, MAX_KM)),
    },
    "constituency": {"constituency": ("the constituency", identifier())},
    "events": {
        "status": ("whether signed up or attended", one_of(EVENT_STATUSES)),
        "event": ("the event", identifier(required=False)),
        "kind": ("the kind of event", text(40, required=False)),
        "after": ("the 'from' date", optional_date),
        "before": ("the 'to' date", optional_date),
    },
    "answer": {"question": ("the question", identifier()), "values": ("the answers", option_list)},
    "custom_field": {"key": ("the custom field", text(60)), "value": ("the value", custom_value)},
    "consent": {"channel": ("the channel", one_of(CHANNELS))},
    "contacted_within": {"days": ("the number of days", whole_number(1, MAX_DAYS))},
    "in_search": {"search": ("the saved search", identifier())},
}  # fmt: skip


def clean_params(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """The settings of a `name` leaf as Python values, or ParamError saying what is wrong."""
    spec = SPECS[name]
    unknown = sorted(str(key) for key in params if key not in spec)
    if unknown:
        raise ParamError(f"there is no setting {unknown[0][:40]!r}")
    cleaned = {key: check(what, params.get(key)) for key, (what, check) in spec.items()}
    after, before = cleaned.get("after"), cleaned.get("before")
    if after is not None and before is not None and after > before:
        raise ParamError("the 'from' date must not be after the 'to' date")
    return cleaned
