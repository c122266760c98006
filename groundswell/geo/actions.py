"""Writes to the geography tables: boundaries and the full postcode table come in through these."""

import json
from collections.abc import Callable
from pathlib import Path

import numpy as np
from django.db import transaction

from groundswell.geo.bulk_load import Row, upsert_postcodes
from groundswell.geo.models import Constituency
from groundswell.geo.nspl import Batch, read_batches
from groundswell.geo.polygons import Area, AreaFinder


def import_boundaries(path: Path, code_property: str = "PCON24CD") -> int:
    """Store each feature's GeoJSON geometry on the constituency with its code; returns how many matched."""
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    geometries = {feature["properties"][code_property]: feature["geometry"] for feature in features}
    seats = dict(Constituency.objects.filter(code__in=geometries).values_list("code", "id"))
    # One small UPDATE per seat: bulk_update's CASE over 650 large JSON values is far slower.
    with transaction.atomic():
        for code, seat_id in seats.items():
            Constituency.objects.filter(pk=seat_id).update(boundary=geometries[code])
    return len(seats)


def import_postcodes(
    path: Path, areas: list[Area], progress: Callable[[int], None] = lambda done: None
) -> int:
    """Upsert every postcode in an NSPL-style file with its position and constituency; all or nothing.

    A constituency code given by the file itself (NSPL's `pcon`) wins where we know it, since ONS assigns it
    from full-resolution boundaries; otherwise the point is placed in our (simplified) boundaries.
    """
    finder = AreaFinder(areas)
    ids = dict(Constituency.objects.values_list("code", "id"))
    area_ids = [ids.get(code) for code in finder.codes]
    rows = (_rows(batch, finder, area_ids, ids) for batch in read_batches(path))
    with transaction.atomic():
        return upsert_postcodes(rows, progress)


def _rows(
    batch: Batch, finder: AreaFinder, area_ids: list[int | None], ids: dict[str, int]
) -> list[Row]:
    placed = [i for i, lat in enumerate(batch.lats) if lat is not None]
    seats: list[int | None] = [None] * len(batch.postcodes)
    if placed:
        lats = np.array([batch.lats[i] for i in placed], dtype=np.float64)
        lngs = np.array([batch.lngs[i] for i in placed], dtype=np.float64)
        for i, found in zip(placed, finder.indices(lats, lngs), strict=True):
            seats[i] = area_ids[found]
    return [
        (code, code.split(" ")[0], lat, lng, ids.get(area, seat), terminated)
        for code, lat, lng, seat, area, terminated in zip(
            batch.postcodes,
            batch.lats,
            batch.lngs,
            seats,
            batch.areas,
            batch.terminated,
            strict=True,
        )
        if 5 <= len(code) <= 8
    ]
