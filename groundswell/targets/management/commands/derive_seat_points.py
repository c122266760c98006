"""Rebuild groundswell/targets/data/seat_points.csv from the open data in GROUNDSWELL_DATA_DIR/geo."""

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groundswell.geo import derive as geo_derive
from groundswell.geo.polygons import AreaFinder, read_areas
from groundswell.targets.derive import COLUMNS, derive_seat_points
from groundswell.targets.embedded import SEAT_POINTS_CSV

SOURCES = {
    "boundaries": "pcon-2024-boundaries-buc.geojson",
    "postcodes": "postcodes-nspl-2025-05.csv.gz",
}


class Command(BaseCommand):
    help = (
        "Derive seat_points.csv (shipped with Groundswell): per constituency, the mean position of each "
        "postcode sector's postcodes inside it. --load also replaces the SeatPoint rows in the database."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--source", type=Path, default=Path(settings.GROUNDSWELL_DATA_DIR) / "geo"
        )
        parser.add_argument("--out", type=Path, default=SEAT_POINTS_CSV)
        parser.add_argument("--load", action="store_true", help="Load the table afterwards.")

    def handle(self, *args: Any, source: Path, out: Path, load: bool, **options: Any) -> None:
        paths = {key: source / name for key, name in SOURCES.items()}
        missing = [str(path) for path in paths.values() if not path.exists()]
        if missing:
            raise CommandError(f"Missing source files: {', '.join(missing)}")
        started = time.monotonic()
        finder = AreaFinder(read_areas(paths["boundaries"]))
        rows = derive_seat_points(paths["postcodes"], finder)
        geo_derive.write_table(out, COLUMNS, rows)
        seats = len({row["constituency"] for row in rows})
        self.stdout.write(
            f"{len(rows)} seat points in {seats} seats written to {out} "
            f"in {time.monotonic() - started:.0f} s"
        )
        if load:
            from groundswell.geo.models import Constituency
            from groundswell.targets.embedded import load_seat_points
            from groundswell.targets.models import SeatPoint

            self.stdout.write(
                f"{load_seat_points(SeatPoint, Constituency, out)} seat points loaded"
            )
