"""Derives seat_points.csv: for every constituency, the mean position of each postcode sector's postcodes that
fall inside it ("SW1A 1" in Cities of London and Westminster). Pure (no Django): `derive_seat_points` is the
command that calls it, and a test re-derives a slice to prove the shipped table is what this code makes.

A sector holds a few hundred postcodes within a kilometre or two, so the set of a seat's sector means follows
its populated area closely: the distance to the nearest of them is within about a kilometre of the distance to
the seat's nearest postcode, which is what a volunteer travels to.
"""

from collections import defaultdict
from pathlib import Path

import numpy as np

from groundswell.geo.nspl import read_batches
from groundswell.geo.polygons import AreaFinder

COLUMNS = ["constituency", "sector", "lat", "lon", "n_postcodes"]


def sector_of(postcode: str) -> str:
    """ "SW1A 1AA" -> "SW1A 1": the outward code and the first character of the inward code."""
    return postcode[:-2]


def derive_seat_points(postcodes: Path, finder: AreaFinder) -> list[dict[str, str]]:
    """One row per (seat, sector) with at least one positioned postcode inside that seat."""
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for batch in read_batches(postcodes):
        kept = [
            (sector_of(code), lat, lng)
            for code, lat, lng in zip(batch.postcodes, batch.lats, batch.lngs, strict=True)
            if lat is not None and lng is not None
        ]
        if not kept:
            continue
        lats = np.array([lat for _, lat, _ in kept])
        lngs = np.array([lng for _, _, lng in kept])
        for (sector, lat, lng), seat in zip(kept, finder.codes_for(lats, lngs), strict=True):
            tally = sums[(seat, sector)]
            tally[0] += lat
            tally[1] += lng
            tally[2] += 1
    return [_row(seat, sector, sums[(seat, sector)]) for seat, sector in sorted(sums)]


def _row(seat: str, sector: str, tally: list[float]) -> dict[str, str]:
    lat_sum, lng_sum, n = tally
    return {
        "constituency": seat,
        "sector": sector,
        "lat": f"{lat_sum / n:.5f}",
        "lon": f"{lng_sum / n:.5f}",
        "n_postcodes": str(int(n)),
    }
