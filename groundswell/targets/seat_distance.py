"""Distance from a volunteer to each of many seats: the haversine distance to the nearest of each seat's
representative points, for all seats at once with numpy. Pure (no Django)."""

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from groundswell.geo.distance import EARTH_RADIUS_KM


@dataclass(frozen=True)
class SeatPoints:
    """Points of several seats, stored seat after seat: seat i owns lats[starts[i]:starts[i + 1]]."""

    lats: NDArray[np.float64]
    lngs: NDArray[np.float64]
    starts: NDArray[np.intp]

    @classmethod
    def from_lists(cls, points: Sequence[Sequence[tuple[float, float]]]) -> "SeatPoints":
        """One list of (lat, lng) per seat; every seat needs at least one point."""
        if any(not seat for seat in points):
            raise ValueError("Every seat needs at least one point.")
        if not points:
            empty = np.zeros(0, dtype=np.float64)
            return cls(empty, empty.copy(), np.zeros(0, dtype=np.intp))
        flat = [point for seat in points for point in seat]
        sizes = np.array([len(seat) for seat in points], dtype=np.intp)
        starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
        coords = np.array(flat, dtype=np.float64).reshape(-1, 2)
        return cls(coords[:, 0].copy(), coords[:, 1].copy(), starts)

    def __len__(self) -> int:
        return len(self.starts)


def haversine_km(
    lat: float, lng: float, lats: NDArray[np.float64], lngs: NDArray[np.float64]
) -> NDArray[np.float64]:
    phi1, phi2 = np.radians(lat), np.radians(lats)
    dphi = phi2 - phi1
    dlmb = np.radians(lngs - lng)
    a = np.sin(dphi / 2) ** 2 + np.cos(phi1) * np.cos(phi2) * np.sin(dlmb / 2) ** 2
    result: NDArray[np.float64] = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(a)))
    return result


def nearest_km(lat: float, lng: float, seats: SeatPoints) -> NDArray[np.float64]:
    """For each seat, the distance in km from (lat, lng) to its nearest point."""
    if len(seats) == 0:
        return np.zeros(0, dtype=np.float64)
    distances = haversine_km(lat, lng, seats.lats, seats.lngs)
    nearest: NDArray[np.float64] = np.minimum.reduceat(distances, seats.starts)
    return nearest
