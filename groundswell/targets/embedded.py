"""Loads groundswell/targets/data/seat_points.csv into the SeatPoint table: used by migration 0002 and
`derive_seat_points --load`. Takes the model classes so a migration can pass its historical models."""

import csv
from pathlib import Path
from typing import Any

SEAT_POINTS_CSV = Path(__file__).resolve().parent / "data" / "seat_points.csv"


def load_seat_points(
    point_model: Any, constituency_model: Any, path: Path = SEAT_POINTS_CSV
) -> int:
    """Replace every seat point with the table's rows; returns how many were loaded."""
    seat_ids = dict(constituency_model.objects.values_list("code", "id"))
    with path.open(encoding="utf-8", newline="") as text:
        points = [
            point_model(
                constituency_id=seat_ids[row["constituency"]],
                sector=row["sector"],
                lat=float(row["lat"]),
                lng=float(row["lon"]),
                n_postcodes=int(row["n_postcodes"]),
            )
            for row in csv.DictReader(text)
            if row["constituency"] in seat_ids
        ]
    point_model.objects.all().delete()
    point_model.objects.bulk_create(points, batch_size=2000)
    return len(points)
