"""The tables Groundswell ships: what derive_geo_tables makes of the shared data, and what migrate loads."""

import csv
from collections import Counter
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from shapely.geometry import Point

from groundswell.core.testing import shared_data
from groundswell.geo import derive
from groundswell.geo.embedded import DATA_DIR
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.geo.polygons import Area, AreaFinder, read_areas
from groundswell.geo.tests.conftest import write_slice


def _table(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as text:
        return list(csv.DictReader(text))


@pytest.fixture(scope="module")
def areas() -> list[Area]:
    return read_areas(shared_data("geo", "pcon-2024-boundaries-buc.geojson"))


def test_the_shipped_constituencies_are_a_fresh_derivation(areas: list[Area]) -> None:
    results = shared_data("geo", "ge2024-results-by-constituency.csv")
    assert derive.derive_constituencies(results, areas) == _table(DATA_DIR / "constituencies.csv")


def test_the_shipped_district_centroids_match_the_shared_district_file() -> None:
    shared = {row["district"]: row for row in _table(shared_data("geo", "postcode-districts.csv"))}
    shipped = {row["district"]: row for row in _table(DATA_DIR / "districts.csv")}
    assert shipped.keys() == shared.keys()
    for code, row in shipped.items():
        assert float(row["lat"]) == pytest.approx(float(shared[code]["lat"]), abs=1e-5)
        assert float(row["lon"]) == pytest.approx(float(shared[code]["lon"]), abs=1e-5)
        assert row["n_postcodes"] == shared[code]["n_postcodes"]


def test_a_sample_of_districts_re_derives_to_the_same_row(
    areas: list[Area], postcode_lines: dict[str, list[str]], tmp_path: Path
) -> None:
    shipped = {row["district"]: row for row in _table(DATA_DIR / "districts.csv")}
    lines = [line for district_lines in postcode_lines.values() for line in district_lines]
    postcodes = write_slice(tmp_path / "slice.csv.gz", lines)
    fresh = derive.derive_districts(postcodes, AreaFinder(areas))
    assert fresh == [shipped[code] for code in sorted(postcode_lines)]


def test_the_tables_stay_compact() -> None:
    assert sum(path.stat().st_size for path in DATA_DIR.glob("*.csv")) < 400_000


def test_every_constituency_centroid_lies_inside_its_own_boundary(areas: list[Area]) -> None:
    shipped = {row["code"]: row for row in _table(DATA_DIR / "constituencies.csv")}
    outside = [
        area.name
        for area in areas
        if not area.geometry.contains(
            Point(float(shipped[area.code]["lon"]), float(shipped[area.code]["lat"]))
        )
    ]
    assert outside == []


@pytest.mark.django_db
def test_every_database_has_the_650_seats_and_every_district_from_migrate() -> None:
    assert Constituency.objects.count() == 650
    assert PostcodeDistrict.objects.count() == 3077
    assert not PostcodeDistrict.objects.filter(constituency=None).exists()
    assert not Constituency.objects.filter(centroid_lat=None).exists()
    countries = Counter(Constituency.objects.values_list("country", flat=True))
    assert countries == {"England": 543, "Scotland": 57, "Wales": 32, "Northern Ireland": 18}


@pytest.mark.django_db
def test_hendon_and_poole_are_the_two_most_marginal_seats_of_2024() -> None:
    closest = list(Constituency.objects.order_by("majority_pct")[:2])
    assert [seat.name for seat in closest] == ["Hendon", "Poole"]
    assert closest[0].majority_pct == pytest.approx(0.036, abs=0.001)
    assert closest[0].winner_party == "Lab"
    assert closest[0].member_name


@pytest.mark.django_db
def test_a_seat_knows_its_result_and_its_welsh_name() -> None:
    seat = Constituency.objects.get(code="W07000081")
    assert (seat.name, seat.country, seat.region) == ("Aberafan Maesteg", "Wales", "Wales")
    assert seat.name_cy
    assert (seat.winner_party, seat.runner_up_party, seat.member_name) == (
        "Lab",
        "RUK",
        "Stephen Kinnock",
    )
    assert (seat.electorate, seat.valid_votes, seat.majority) == (72580, 35755, 10354)


@pytest.mark.django_db
def test_load_geography_runs_again_without_changing_anything(
    django_assert_max_num_queries: Any,
) -> None:
    before = list(
        PostcodeDistrict.objects.values_list("id", "code", "lat", "lng", "constituency_id")
    )
    PostcodeDistrict.objects.filter(code="SW1A").update(lat=0, lng=0)
    Constituency.objects.filter(name="Hendon").delete()
    with django_assert_max_num_queries(40):
        call_command("load_geography", stdout=StringIO())
    after = dict(PostcodeDistrict.objects.values_list("code", "lat"))
    assert len(after) == len(before)
    assert after["SW1A"] == pytest.approx(51.50197)
    hendon = Constituency.objects.get(name="Hendon")
    assert PostcodeDistrict.objects.filter(constituency=hendon).exists()


@pytest.mark.django_db
def test_load_geography_can_load_the_boundaries() -> None:
    path = shared_data("geo", "pcon-2024-boundaries-buc.geojson")
    call_command("load_geography", "--boundaries", str(path), stdout=StringIO())
    assert not Constituency.objects.filter(boundary=None).exists()
    poole = Constituency.objects.get(name="Poole").boundary
    assert poole is not None
    assert poole["type"] in {"Polygon", "MultiPolygon"}
