"""Real places the demo movement lives in: postcode districts weighted by size, and their constituencies."""

import math
from bisect import bisect_right
from dataclasses import dataclass, field
from random import Random


@dataclass(frozen=True)
class Seat:
    id: int
    code: str
    name: str
    region: str
    country: str
    lat: float
    lng: float


@dataclass(frozen=True)
class District:
    code: str
    lat: float
    lng: float
    weight: int  # number of postcodes: a good proxy for how many people live there
    seat: Seat


@dataclass
class Places:
    districts: list[District]
    cum_weights: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.districts = sorted(self.districts, key=lambda d: d.code)
        running, self.cum_weights = 0, []
        for district in self.districts:
            running += district.weight
            self.cum_weights.append(running)

    def pick_district(self, rng: Random) -> District:
        index = bisect_right(self.cum_weights, rng.random() * self.cum_weights[-1])
        return self.districts[min(index, len(self.districts) - 1)]

    def district(self, code: str) -> District | None:
        return next((d for d in self.districts if d.code == code), None)

    def seats(self) -> list[Seat]:
        return sorted({d.seat for d in self.districts}, key=lambda s: s.code)


def jitter(rng: Random, lat: float, lng: float, sigma_km: float = 0.8) -> tuple[float, float]:
    """A point near (lat, lng): people live around a district's centre, not on it."""
    north = max(-2.5, min(2.5, rng.gauss(0, 1))) * sigma_km
    east = max(-2.5, min(2.5, rng.gauss(0, 1))) * sigma_km
    lat_out = lat + north / 111.2
    lng_out = lng + east / (111.2 * math.cos(math.radians(lat)))
    return round(lat_out, 6), round(lng_out, 6)


def km_between(lat1: float, lng1: float, lat2: float, lng2: float) -> float:
    """Equirectangular distance: plenty for 'who lives near this workplace' at city scale."""
    x = math.radians(lng2 - lng1) * math.cos(math.radians((lat1 + lat2) / 2))
    y = math.radians(lat2 - lat1)
    return 6371.0 * math.hypot(x, y)
