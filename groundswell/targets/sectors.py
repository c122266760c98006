"""Where each postcode sector is ("SW1A 1": the mean of its postcodes) and which seat it is in, from the seat
points, held in each server process's memory: a volunteer's postcode is placed to about a kilometre with no
query. Rebuilt when targets change (the same version token) and at least every MAX_AGE_SECONDS."""

from collections import defaultdict
from dataclasses import dataclass

from groundswell.geo.models import Postcode
from groundswell.targets.memo import remembered
from groundswell.targets.models import SeatPoint
from groundswell.targets.snapshot import current_version

MAX_AGE_SECONDS = 3600.0
SURE_SHARE = (
    0.9  # a postcode is taken to be in a seat holding at least 90% of its sector's postcodes
)


@dataclass(frozen=True)
class SectorPlace:
    lat: float
    lng: float
    seat_id: int | None  # the seat the sector is in, when (nearly) all of it is


@dataclass(frozen=True)
class Sectors:
    places: dict[str, SectorPlace]  # every postcode sector, e.g. "SW1A 1"
    exact_postcodes: bool  # whether geo's full postcode table is loaded (then it places better)


def sectors() -> Sectors:
    return remembered("sectors", current_version(), MAX_AGE_SECONDS, _build)


def _build() -> Sectors:
    return Sectors(build_sector_places(), Postcode.objects.exists())


def sector_places() -> dict[str, SectorPlace]:
    return sectors().places


def build_sector_places() -> dict[str, SectorPlace]:
    """One query over the ~20,000 seat points."""
    pieces: dict[str, list[tuple[int, float, float, int]]] = defaultdict(list)
    rows = SeatPoint.objects.order_by().values_list(
        "sector", "constituency_id", "lat", "lng", "n_postcodes"
    )
    for sector, seat_id, lat, lng, n in rows.iterator(chunk_size=5000):
        pieces[sector].append((seat_id, lat, lng, n))
    return {sector: _place(found) for sector, found in pieces.items()}


def _place(pieces: list[tuple[int, float, float, int]]) -> SectorPlace:
    total = sum(n for *_, n in pieces)
    lat = sum(lat * n for _, lat, _, n in pieces) / total
    lng = sum(lng * n for _, _, lng, n in pieces) / total
    seat_id, _, _, most = max(pieces, key=lambda piece: piece[3])
    return SectorPlace(lat, lng, seat_id if most >= SURE_SHARE * total else None)
