"""Postcodes placed a chunk of rows at a time, once per distinct postcode.

The common case, a well-formed full postcode in a district we know, is placed here with one query
per chunk (none at all when the full postcode table is empty): geo's `locate_many` costs ~50 µs a
postcode, which is a minute for a million-row file. Everything else (typos, BFPO, unknown areas,
other shapes) goes through `locate_many`/`locate`, so messages and suggestions are geo's own. A
test holds the fast path to the same answers as `locate`.
"""

import re
from collections.abc import Iterable

from django.db import connection

from groundswell.geo.models import Postcode, PostcodeDistrict
from groundswell.geo.queries import Location, LocationError, locate, locate_many
from groundswell.people.actions import PersonDetails
from groundswell.people.importing.bulksql import select_in

Place = Location | LocationError
Position = tuple[float | None, float | None, int | None]
# Outward code (checked against the known districts), optional space, inward code (Royal Mail's letters).
_FULL = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?) ?(\d[ABD-HJLNP-UW-Z]{2})")
_QUERY_CHUNK = 500


class PlaceBook:
    """Remembers recent answers; bounded, as a million rows can hold nearly a million postcodes."""

    def __init__(self, max_remembered: int = 20_000) -> None:
        self.max_remembered = max_remembered
        self.known: dict[str, Place] = {}
        rows = PostcodeDistrict.objects.values_list("code", "lat", "lng", "constituency_id")
        self.districts: dict[str, Position] = {code: (lat, lng, c) for code, lat, lng, c in rows}
        self.full_table = Postcode.objects.exists()

    def resolve(self, texts: Iterable[str]) -> dict[str, Place]:
        wanted = set(texts)
        missing = [text for text in wanted if text not in self.known]
        if len(self.known) + len(missing) > self.max_remembered:
            self.known = {}
            missing = list(wanted)
        quick, slow = self._split(missing)
        self.known.update(self._place_quickly(quick))
        for text, place in locate_many(slow).items():
            self.known[text] = _bare(_with_suggestion(text, place))
        return {text: self.known[text] for text in wanted}

    def _split(self, texts: list[str]) -> tuple[dict[str, tuple[str, str]], list[str]]:
        quick, slow = {}, []
        for text in texts:
            shaped = _FULL.fullmatch(text.strip().upper())
            if shaped and shaped.group(1) in self.districts:
                quick[text] = (shaped.group(1), shaped.group(2))
            else:
                slow.append(text)
        return quick, slow

    def _place_quickly(self, quick: dict[str, tuple[str, str]]) -> dict[str, Place]:
        codes = {text: f"{outward} {inward}" for text, (outward, inward) in quick.items()}
        exact = _exact_positions(list(set(codes.values()))) if self.full_table else {}
        placed: dict[str, Place] = {}
        for text, code in codes.items():
            district = quick[text][0]
            lat, lng, constituency = exact.get(code) or (None, None, None)
            if lat is not None:
                placed[text] = Location(code, district, lat, lng, "exact", constituency)
            else:
                lat, lng, constituency = self.districts[district]
                placed[text] = Location(code, district, lat, lng, "district", constituency)
        return placed


def _exact_positions(codes: list[str]) -> dict[str, Position]:
    found: dict[str, Position] = {}
    table = connection.ops.quote_name(Postcode._meta.db_table)
    with connection.cursor() as cursor:
        for start in range(0, len(codes), _QUERY_CHUNK):
            condition, params = select_in("postcode", codes[start : start + _QUERY_CHUNK])
            cursor.execute(
                f"SELECT postcode, lat, lng, constituency_id FROM {table} WHERE {condition}",  # noqa: S608
                params,
            )
            found.update((code, (lat, lng, cid)) for code, lat, lng, cid in cursor.fetchall())
    return found


def _with_suggestion(text: str, place: Place) -> Place:
    # locate_many skips the per-code query that suggests a known district for a typo ("S01 1AA");
    # bad postcodes are few, so ask locate() for that hint one at a time.
    if isinstance(place, LocationError) and place.suggestion is None:
        try:
            return locate(text)
        except LocationError as error:
            return error
    return place


def _bare(place: Place) -> Place:
    """The error without its traceback, whose frames would keep whole chunks of rows alive."""
    if isinstance(place, LocationError):
        return LocationError(str(place), place.suggestion)
    return place


def apply_place(details: PersonDetails, place: Location) -> None:
    details.postal_code = place.postal_code or place.district
    details.lat, details.lng = place.lat, place.lng
    details.location_precision = place.precision
    details.constituency_id = place.constituency_id
