"""The geography contract other apps use: postal code to position, and distance search.

Nothing outside geo should assume UK postcodes: call `locate` (or `locate_many` for imports) and store what the
returned Location says.
"""

from collections.abc import Container, Iterable
from dataclasses import dataclass

from groundswell.geo import postcodes
from groundswell.geo.models import Postcode, PostcodeDistrict
from groundswell.geo.proximity import nearest, within_km

__all__ = [
    "Location",
    "LocationError",
    "locate",
    "locate_many",
    "nearest",
    "normalise_postal_code",
    "within_km",
]

SUPPORTED_COUNTRIES = frozenset({"GB", "UK"})
_CHUNK = 500  # stays under SQLite's bound-parameter limit

Position = tuple[float | None, float | None, int | None]


@dataclass(frozen=True)
class Location:
    postal_code: str  # normalised, e.g. "SW1A 1AA" ("" for a district-only search)
    district: str  # e.g. "SW1A"
    lat: float | None
    lng: float | None
    precision: str  # "exact" (full postcode table), "district" (district centroid) or "none" (BFPO)
    constituency_id: int | None


class LocationError(ValueError):
    """A postal code we cannot place; the message is fit to show a user."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__(message)
        self.suggestion = suggestion


def _check_country(country: str) -> None:
    if country.upper() not in SUPPORTED_COUNTRIES:
        raise LocationError("Groundswell can only look up UK postcodes so far.")


def _parse(text: str) -> postcodes.UKPostcode | postcodes.PostcodeError:
    try:
        return postcodes.parse(text)
    except postcodes.PostcodeError as error:
        return error


def _refusal(text: str, error: postcodes.PostcodeError, known: Container[str]) -> LocationError:
    """The error to show, suggesting a corrected postcode only where its district exists."""
    if error.alternatives:
        readings = tuple(r for r in error.alternatives if r.split(" ")[0] in known)
        error = postcodes.invalid(text, readings)
    return LocationError(str(error), error.suggestion)


def _outwards(error: postcodes.PostcodeError) -> set[str]:
    return {reading.split(" ")[0] for reading in error.alternatives}


def normalise_postal_code(text: str, country: str = "GB") -> str:
    """The canonical form of a postal code ("sw1a1aa" -> "SW1A 1AA"), checked without the database."""
    _check_country(country)
    code = _parse(text)
    if isinstance(code, postcodes.PostcodeError):
        raise LocationError(str(code), code.suggestion)
    return code.text


def locate(text: str, country: str = "GB") -> Location:
    """Where a postal code is: the full postcode table first, else its district's centroid."""
    found = locate_many([text], country)[text]
    if isinstance(found, LocationError):
        raise found
    return found


def locate_many(texts: Iterable[str], country: str = "GB") -> dict[str, Location | LocationError]:
    """`locate` for many codes at once, in a handful of queries: for importers."""
    _check_country(country)
    parsed = {text: _parse(text) for text in texts}
    codes = [code for code in parsed.values() if isinstance(code, postcodes.UKPostcode)]
    errors = [error for error in parsed.values() if isinstance(error, postcodes.PostcodeError)]
    exact = _exact_positions([code.text for code in codes if code.kind == "full"])
    wanted = {code.district for code in codes}.union(*map(_outwards, errors))
    districts = _district_positions(wanted)
    lost = {c.outward for c in codes if c.geographic and c.district not in districts}
    lookalikes = {outward: postcodes.outward_lookalikes(outward) for outward in lost}
    districts |= _district_positions(set().union(*lookalikes.values()))
    return {
        text: _refusal(text, code, districts)
        if isinstance(code, postcodes.PostcodeError)
        else _try_place(code, exact, districts, lookalikes)
        for text, code in parsed.items()
    }


def _try_place(
    code: postcodes.UKPostcode,
    exact: dict[str, Position],
    districts: dict[str, Position],
    lookalikes: dict[str, list[str]],
) -> Location | LocationError:
    known = (c for c in lookalikes.get(code.outward, []) if c in districts)
    try:
        return _place(code, exact, districts, next(known, None))
    except LocationError as error:
        return error


def _place(
    code: postcodes.UKPostcode,
    exact: dict[str, Position],
    districts: dict[str, Position],
    lookalike: str | None,
) -> Location:
    postal_code = "" if code.kind == "district" else code.text
    if code.text in exact:
        lat, lng, constituency_id = exact[code.text]
        if lat is not None:
            return Location(postal_code, code.district, lat, lng, "exact", constituency_id)
    if code.district in districts:
        lat, lng, constituency_id = districts[code.district]
        return Location(postal_code, code.district, lat, lng, "district", constituency_id)
    if not code.geographic or code.text in exact:
        return Location(postal_code, code.district, None, None, "none", None)
    suggestion = f"{lookalike} {code.inward}".strip() if lookalike else None
    hint = f" Did you mean {suggestion}?" if suggestion else " Please check it."
    raise LocationError(f"We don't recognise the postcode area {code.district}.{hint}", suggestion)


def _exact_positions(texts: list[str]) -> dict[str, Position]:
    found: dict[str, Position] = {}
    for start in range(0, len(texts), _CHUNK):
        rows = Postcode.objects.filter(postcode__in=texts[start : start + _CHUNK])
        for code, lat, lng, constituency_id in rows.values_list(
            "postcode", "lat", "lng", "constituency_id"
        ):
            found[code] = (lat, lng, constituency_id)
    return found


def _district_positions(codes: set[str]) -> dict[str, Position]:
    if not codes:
        return {}
    rows = (
        PostcodeDistrict.objects.filter(code__in=codes)
        if len(codes) < _CHUNK
        else PostcodeDistrict.objects
    )
    return {
        code: (lat, lng, cid)
        for code, lat, lng, cid in rows.values_list("code", "lat", "lng", "constituency_id")
    }
