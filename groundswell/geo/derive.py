"""Derives the compact tables Groundswell ships (groundswell/geo/data/*.csv) from the open source files.

Pure (no Django): `derive_geo_tables` is the command that calls it, and a test re-derives to prove the shipped
tables are what this code makes of the shared data.
"""

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from groundswell.geo.nspl import read_batches
from groundswell.geo.polygons import Area, AreaFinder, inner_point

DISTRICT_COLUMNS = ["district", "lat", "lon", "n_postcodes", "constituency"]
CONSTITUENCY_COLUMNS = [
    "code", "name", "name_cy", "region", "country", "lat", "lon", "electorate", "valid_votes",
    "majority", "majority_pct", "winner_party", "runner_up_party", "member_name",
]  # fmt: skip


@dataclass
class _Tally:
    lat_sum: float = 0.0
    lng_sum: float = 0.0
    n: int = 0
    seats: Counter[str] = field(default_factory=Counter)


def derive_districts(postcodes: Path, finder: AreaFinder) -> list[dict[str, str]]:
    """One row per district: mean position of its positioned postcodes and the seat most of them are in."""
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    for batch in read_batches(postcodes):
        kept = [
            (code.split(" ")[0], lat, lng)
            for code, lat, lng in zip(batch.postcodes, batch.lats, batch.lngs, strict=True)
            if lat is not None and lng is not None
        ]
        if not kept:
            continue
        lats = np.array([lat for _, lat, _ in kept])
        lngs = np.array([lng for _, _, lng in kept])
        for (district, lat, lng), seat in zip(kept, finder.codes_for(lats, lngs), strict=True):
            tally = tallies[district]
            tally.lat_sum, tally.lng_sum, tally.n = (
                tally.lat_sum + lat,
                tally.lng_sum + lng,
                tally.n + 1,
            )
            tally.seats[seat] += 1
    return [_district_row(district, tallies[district]) for district in sorted(tallies)]


def _district_row(district: str, tally: _Tally) -> dict[str, str]:
    # Most postcodes wins; a tie goes to the lowest code so a re-derivation is identical.
    seat = min(tally.seats.items(), key=lambda item: (-item[1], item[0]))[0]
    return {
        "district": district,
        "lat": f"{tally.lat_sum / tally.n:.5f}",
        "lon": f"{tally.lng_sum / tally.n:.5f}",
        "n_postcodes": str(tally.n),
        "constituency": seat,
    }


def derive_constituencies(results: Path, areas: list[Area]) -> list[dict[str, str]]:
    """One row per seat: names from the boundaries, a point inside it, and its 2024 result."""
    with results.open(encoding="utf-8-sig", newline="") as text:
        by_code = {row["ONS ID"]: row for row in csv.DictReader(text)}
    return [
        _constituency_row(area, by_code.get(area.code, {}))
        for area in sorted(areas, key=lambda a: a.code)
    ]


def _constituency_row(area: Area, result: dict[str, str]) -> dict[str, str]:
    lat, lng = inner_point(area.geometry)
    valid, majority = result.get("Valid votes", ""), result.get("Majority", "")
    member = f"{result.get('Member first name', '')} {result.get('Member surname', '')}".strip()
    return {
        "code": area.code,
        "name": area.name,
        "name_cy": area.name_cy,
        "region": result.get("Region name", ""),
        "country": result.get("Country name", ""),
        "lat": f"{lat:.5f}",
        "lon": f"{lng:.5f}",
        "electorate": result.get("Electorate", ""),
        "valid_votes": valid,
        "majority": majority,
        "majority_pct": f"{100 * int(majority) / int(valid):.4f}" if valid and majority else "",
        "winner_party": result.get("First party", ""),
        "runner_up_party": result.get("Second party", ""),
        "member_name": member,
    }


def write_table(path: Path, columns: list[str], rows: Iterable[dict[str, str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
