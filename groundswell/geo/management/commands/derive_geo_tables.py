"""Rebuild the embedded tables in groundswell/geo/data/ from the open data in GROUNDSWELL_DATA_DIR/geo."""

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groundswell.geo import derive
from groundswell.geo.embedded import DATA_DIR
from groundswell.geo.polygons import AreaFinder, read_areas

SOURCES = {
    "boundaries": "pcon-2024-boundaries-buc.geojson",
    "results": "ge2024-results-by-constituency.csv",
    "postcodes": "postcodes-nspl-2025-05.csv.gz",
}


class Command(BaseCommand):
    help = "Derive districts.csv and constituencies.csv (shipped with Groundswell) from the shared open data."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--source", type=Path, default=Path(settings.GROUNDSWELL_DATA_DIR) / "geo"
        )
        parser.add_argument("--out", type=Path, default=DATA_DIR)

    def handle(self, *args: Any, source: Path, out: Path, **options: Any) -> None:
        paths = {key: source / name for key, name in SOURCES.items()}
        missing = [str(path) for path in paths.values() if not path.exists()]
        if missing:
            raise CommandError(f"Missing source files: {', '.join(missing)}")
        started = time.monotonic()
        areas = read_areas(paths["boundaries"])
        seats = derive.derive_constituencies(paths["results"], areas)
        derive.write_table(out / "constituencies.csv", derive.CONSTITUENCY_COLUMNS, seats)
        self.stdout.write(f"{len(seats)} constituencies written")
        districts = derive.derive_districts(paths["postcodes"], AreaFinder(areas))
        derive.write_table(out / "districts.csv", derive.DISTRICT_COLUMNS, districts)
        self.stdout.write(
            f"{len(districts)} districts written in {time.monotonic() - started:.0f} s"
        )
