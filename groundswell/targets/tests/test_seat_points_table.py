"""The shipped seat_points.csv: what derive_seat_points makes of the shared data, and what migrate loads."""

import csv
import gzip
from collections import defaultdict
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from groundswell.core.testing import shared_data
from groundswell.geo.models import Constituency
from groundswell.geo.polygons import AreaFinder, read_areas
from groundswell.targets.derive import derive_seat_points, sector_of
from groundswell.targets.embedded import SEAT_POINTS_CSV
from groundswell.targets.models import SeatPoint

# Westminster (split across seats by the river), Hendon, Kington on the Welsh border, the Western Isles.
DISTRICTS = {"SW1A", "NW4", "HR5", "HS1", "BT1"}


def _shipped() -> list[dict[str, str]]:
    with SEAT_POINTS_CSV.open(encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


def _slice(path: Path) -> Path:
    """The shared postcodes of DISTRICTS only, in the same format."""
    source = shared_data("geo", "postcodes-nspl-2025-05.csv.gz")
    with gzip.open(source, "rt", encoding="utf-8") as text, gzip.open(path, "wt") as out:
        out.write(next(text))
        for line in text:
            if line[: line.index(",")].replace(" ", "")[:-3] in DISTRICTS:
                out.write(line)
    return path


def test_sector_of_a_postcode() -> None:
    assert sector_of("SW1A 1AA") == "SW1A 1"
    assert sector_of("B1 2JP") == "B1 2"


def test_a_slice_of_the_shared_postcodes_re_derives_to_the_shipped_rows(tmp_path: Path) -> None:
    areas = read_areas(shared_data("geo", "pcon-2024-boundaries-buc.geojson"))
    fresh = derive_seat_points(_slice(tmp_path / "slice.csv.gz"), AreaFinder(areas))
    wanted = [row for row in _shipped() if row["sector"].split(" ")[0] in DISTRICTS]
    assert fresh and sorted(fresh, key=lambda r: (r["constituency"], r["sector"])) == wanted


def test_the_table_covers_every_seat_with_sector_sized_pieces() -> None:
    per_seat: dict[str, int] = defaultdict(int)
    for row in _shipped():
        per_seat[row["constituency"]] += 1
        assert int(row["n_postcodes"]) >= 1
    assert len(per_seat) == 650
    assert min(per_seat.values()) >= 5
    assert 10_000 < sum(per_seat.values()) < 25_000


@pytest.mark.django_db
def test_migrate_loads_every_row_for_all_650_seats() -> None:
    assert SeatPoint.objects.count() == len(_shipped())
    assert SeatPoint.objects.values("constituency").distinct().count() == 650
    assert Constituency.objects.filter(seat_points=None).count() == 0


@pytest.mark.django_db
def test_the_command_rebuilds_and_reloads_the_table(tmp_path: Path) -> None:
    source = tmp_path / "geo"
    source.mkdir()
    _slice(source / "postcodes-nspl-2025-05.csv.gz")
    (source / "pcon-2024-boundaries-buc.geojson").symlink_to(
        shared_data("geo", "pcon-2024-boundaries-buc.geojson")
    )
    out = tmp_path / "points.csv"
    call_command("derive_seat_points", source=source, out=out, load=True, stdout=StringIO())
    sectors = set(SeatPoint.objects.values_list("sector", flat=True))
    assert "NW4 4" in sectors and all(s.split(" ")[0] in DISTRICTS for s in sectors)


def test_the_command_says_which_source_files_are_missing(tmp_path: Path) -> None:
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Missing source files"):
        call_command("derive_seat_points", source=tmp_path, stdout=StringIO())
