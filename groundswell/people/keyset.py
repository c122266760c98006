"""Keyset pagination of people in name order (family name, given name, id).

OFFSET makes the database walk every skipped row, so page 20,000 of a million people would be slow;
a cursor holding the last row's sort key lets the name-order index jump straight to the next page.
"""

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet

from groundswell.people.models import Person

ORDER = ("family_name", "given_name", "id")
REVERSE = tuple(f"-{name}" for name in ORDER)
Key = tuple[str, str, int]


@dataclass
class Page:
    rows: list[Person]
    next_cursor: str | None
    prev_cursor: str | None


def encode_cursor(person: Person) -> str:
    raw = json.dumps([person.family_name, person.given_name, person.pk], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(text: str | None) -> Key | None:
    """The sort key in a cursor, or None for a missing or mangled one (which means "first page")."""
    if not text:
        return None
    try:
        family, given, pk = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (ValueError, TypeError, binascii.Error):
        return None
    if not (isinstance(family, str) and isinstance(given, str) and isinstance(pk, int)):
        return None
    if "\x00" in family + given or not -(2**63) <= pk < 2**63:
        return None  # PostgreSQL refuses a NUL in text, and a bigint holds no more: a forged cursor
    return family, given, pk


def _after(key: Key) -> Q:
    family, given, pk = key
    later = Q(family_name__gt=family) | Q(family_name=family, given_name__gt=given)
    later |= Q(family_name=family, given_name=given, pk__gt=pk)
    # The redundant lower bound gives the index a place to start scanning from.
    return Q(family_name__gte=family) & later


def _before(key: Key) -> Q:
    family, given, pk = key
    earlier = Q(family_name__lt=family) | Q(family_name=family, given_name__lt=given)
    earlier |= Q(family_name=family, given_name=given, pk__lt=pk)
    return Q(family_name__lte=family) & earlier


def keyset_page(
    qs: QuerySet[Person], size: int, after: str | None = None, before: str | None = None
) -> Page:
    """One page of `qs` in name order, after or before a cursor (after wins if both are given)."""
    after_key, before_key = decode_cursor(after), decode_cursor(before)
    if before_key and not after_key:
        rows = list(qs.filter(_before(before_key)).order_by(*REVERSE)[: size + 1])
        more_before = len(rows) > size
        rows = rows[:size][::-1]
        return Page(rows, _cursor(rows, -1), _cursor(rows, 0) if more_before else None)
    if after_key:
        qs = qs.filter(_after(after_key))
    rows = list(qs.order_by(*ORDER)[: size + 1])
    more_after = len(rows) > size
    rows = rows[:size]
    return Page(
        rows, _cursor(rows, -1) if more_after else None, _cursor(rows, 0) if after_key else None
    )


def _cursor(rows: list[Person], index: int) -> str | None:
    return encode_cursor(rows[index]) if rows else None


def capped_count(qs: QuerySet[Any], cap: int) -> tuple[int, bool]:
    """How many rows, counting no further than `cap`: (count, whether there are more)."""
    counted = qs.order_by()[: cap + 1].count()
    return min(counted, cap), counted > cap
