"""Where a volunteer is, to measure distances from: the exact postcode where geo has the full table, else the
mean of the postcode's sector (about a kilometre; no query, from memory), else its district's centre."""

from dataclasses import dataclass

from groundswell.geo import postcodes
from groundswell.geo.queries import Location, LocationError, locate
from groundswell.targets.derive import sector_of
from groundswell.targets.sectors import sector_places, sectors


@dataclass(frozen=True)
class Place:
    lat: float
    lng: float
    seat_id: int | None  # the seat the volunteer is in, where we can be sure of it
    precision: str  # "postcode", "sector" (mean of the postcode's sector) or "district"


def place_of(location: Location) -> Place | None:
    """Where to measure from: the postcode itself if the full table has it, else the mean of its sector's
    postcodes (about a kilometre), else the district's centre. None for a postcode with no position."""
    if location.lat is None or location.lng is None:
        return None
    if location.precision == "exact":
        return Place(location.lat, location.lng, location.constituency_id, "postcode")
    if location.postal_code:
        sector = sector_places().get(sector_of(location.postal_code))
        if sector is not None:
            return Place(sector.lat, sector.lng, sector.seat_id, "sector")
    return Place(location.lat, location.lng, None, "district")


def volunteer_place(text: str) -> tuple[str, Place]:
    """(the postcode as typed, tidied; where to measure from). LocationError, fit to show, if we cannot
    place it. While geo's full postcode table is not loaded, a full postcode in a known sector is placed from
    memory, with no query (geo.locate could only give its district's centre); anything else goes to locate."""
    quick = _sector_place(text)
    if quick is not None:
        return quick
    location = locate(text)
    place = place_of(location)
    if place is None:
        raise LocationError(
            "That postcode has no place on the map (a BFPO or PO box?): enter the postcode where you "
            "live or will travel from."
        )
    return location.postal_code or location.district, place


def _sector_place(text: str) -> tuple[str, Place] | None:
    try:
        code = postcodes.parse(text)
    except postcodes.PostcodeError:
        return None
    known = sectors()
    if code.kind != "full" or known.exact_postcodes:
        return None
    sector = known.places.get(sector_of(code.text))
    if sector is None:
        return None
    return code.text, Place(sector.lat, sector.lng, sector.seat_id, "sector")
