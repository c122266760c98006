"""Import every postcode (ONS NSPL or our shared extract) for exact positions; safe to run again."""

import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from shapely.geometry import shape

from groundswell.geo.actions import import_boundaries, import_postcodes
from groundswell.geo.models import Constituency
from groundswell.geo.nspl import PostcodeFileError
from groundswell.geo.polygons import Area, read_areas

DEFAULT_POSTCODES = "geo/postcodes-nspl-2025-05.csv.gz"
DEFAULT_BOUNDARIES = "geo/pcon-2024-boundaries-buc.geojson"


def areas_from_database() -> list[Area]:
    seats = Constituency.objects.exclude(boundary=None).values_list("code", "name", "boundary")
    return [Area(code, name, "", shape(boundary)) for code, name, boundary in seats]


class Command(BaseCommand):
    help = "Import the full postcode file (.csv, .csv.gz or the ONS .zip) with each postcode's constituency."

    def add_arguments(self, parser: Any) -> None:
        data = Path(settings.GROUNDSWELL_DATA_DIR)
        parser.add_argument("path", nargs="?", type=Path, default=data / DEFAULT_POSTCODES)
        parser.add_argument("--boundaries", type=Path, default=data / DEFAULT_BOUNDARIES)

    def handle(self, *args: Any, path: Path, boundaries: Path, **options: Any) -> None:
        if not path.exists():
            raise CommandError(f"No postcode file at {path}")
        areas = self._areas(boundaries)
        started = time.monotonic()

        def progress(done: int) -> None:
            self.stdout.write(f"{done:>10,} postcodes  {time.monotonic() - started:6.1f} s")

        try:
            total = import_postcodes(path, areas, progress)
        except PostcodeFileError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"{total:,} postcodes imported in {time.monotonic() - started:.0f} s"
            )
        )

    def _areas(self, boundaries: Path) -> list[Area]:
        if boundaries.exists():
            self.stdout.write(f"{import_boundaries(boundaries)} constituency boundaries loaded")
            return read_areas(boundaries)
        areas = areas_from_database()
        if not areas:
            raise CommandError(f"No boundaries: none in the database and no file at {boundaries}")
        return areas
