"""Reading one cell of an import: names, yes/no consent, membership status, dates and tag lists.

Pure functions; each raises CellError with a message fit to show the importer.
"""

import re
from datetime import date, datetime

_PARTICLES = frozenset(
    {
        "van",
        "von",
        "der",
        "den",
        "de",
        "da",
        "del",
        "della",
        "di",
        "du",
        "le",
        "la",
        "st",
        "bin",
        "ibn",
        "al",
    }
)
_YES = frozenset({"yes", "y", "true", "t", "1", "subscribed", "opted in", "opt in", "on"})
_NO = frozenset(
    {
        "no",
        "n",
        "false",
        "f",
        "0",
        "unsubscribed",
        "opted out",
        "opt out",
        "off",
        "spam complaint",
        "spam complaints",
    }
)
# Action Network's status for an address that bounces says nothing about consent either way.
_SAYS_NOTHING = frozenset({"bouncing", "unknown", ""})
_STATUSES = {
    "supporter": "supporter",
    "member": "member",
    "lapsed": "lapsed",
    "active": "member",
    "ex-member": "lapsed",
    "former member": "lapsed",
}
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%d/%m/%y")
_TAG_SPLIT = re.compile(r"[,;]")


class CellError(ValueError):
    """A cell that cannot be imported as its column's field."""


def split_full_name(text: str) -> tuple[str, str]:
    """'Zoë Brontë' -> ('Zoë', 'Brontë'); 'Brontë, Zoë' -> ('Zoë', 'Brontë'); 'Ludwig van Beethoven'
    -> ('Ludwig', 'van Beethoven'). The last word (with any particles before it) is the family name."""
    if "," in text:
        family, _, given = text.partition(",")
        return " ".join(given.split()), " ".join(family.split())
    words = text.split()
    if len(words) < 2:
        return (words[0] if words else ""), ""
    cut = len(words) - 1
    while cut > 1 and words[cut - 1].lower() in _PARTICLES:
        cut -= 1
    return " ".join(words[:cut]), " ".join(words[cut:])


def parse_consent(text: str) -> bool | None:
    """True (given), False (withdrawn) or None (the cell says nothing)."""
    lowered = " ".join(text.lower().replace("-", " ").split())
    if lowered in _YES:
        return True
    if lowered in _NO:
        return False
    if lowered in _SAYS_NOTHING:
        return None
    raise CellError(f"“{text[:40]}” is not yes or no.")


def parse_status(text: str) -> str:
    status = _STATUSES.get(text.strip().lower())
    if status is None:
        raise CellError(f"“{text[:40]}” is not a membership status (supporter, member or lapsed).")
    return status


def parse_date(text: str, today: date) -> date:
    """A calendar date written as 2024-03-31, 31/03/2024 (UK order) or an ISO date and time."""
    cleaned = text.strip()
    for fmt in _DATE_FORMATS:
        try:
            parsed = datetime.strptime(cleaned, fmt).date()  # noqa: DTZ007 - a calendar date
            break
        except ValueError:
            continue
    else:
        parsed = _iso_datetime_date(cleaned)
    if parsed > today:
        raise CellError(f"{parsed:%d %B %Y} is in the future.")
    return parsed


def _iso_datetime_date(text: str) -> date:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise CellError(
            f"“{text[:40]}” is not a date (write it as 2024-03-31 or 31/03/2024)."
        ) from None


def split_tags(text: str) -> list[str]:
    """'Housing; Canvasser, housing' -> ['Housing', 'Canvasser']: trimmed, first spelling kept."""
    seen: dict[str, str] = {}
    for part in _TAG_SPLIT.split(text):
        name = " ".join(part.split())
        if name and name.lower() not in seen:
            seen[name.lower()] = name
    return list(seen.values())
