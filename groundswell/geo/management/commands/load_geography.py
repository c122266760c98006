"""Reload the embedded constituencies and postcode districts (idempotent), and optionally the boundaries."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from groundswell.geo.actions import import_boundaries
from groundswell.geo.embedded import load_geography
from groundswell.geo.models import Constituency, PostcodeDistrict

DEFAULT_BOUNDARIES = "geo/pcon-2024-boundaries-buc.geojson"


class Command(BaseCommand):
    help = "Load the constituencies and postcode districts shipped with Groundswell (safe to run again)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--boundaries",
            nargs="?",
            const=Path(settings.GROUNDSWELL_DATA_DIR) / DEFAULT_BOUNDARIES,
            type=Path,
            help="also load constituency boundaries from this GeoJSON (default: the shared file)",
        )

    def handle(self, *args: Any, boundaries: Path | None, **options: Any) -> None:
        seats, districts = load_geography(Constituency, PostcodeDistrict)
        self.stdout.write(f"{seats} constituencies and {districts} postcode districts loaded")
        if boundaries is not None:
            if not boundaries.exists():
                raise CommandError(f"No boundary file at {boundaries}")
            self.stdout.write(f"{import_boundaries(boundaries)} boundaries loaded")
