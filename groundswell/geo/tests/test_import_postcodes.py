"""import_postcodes on slices of the real file and on files shaped like an ONS NSPL download."""

import zipfile
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from groundswell.core.testing import shared_data
from groundswell.geo.models import Constituency, Postcode
from groundswell.geo.queries import locate
from groundswell.geo.tests.conftest import write_slice

pytestmark = pytest.mark.django_db

NSPL_HEADER = "pcd,pcd2,pcds,dointr,doterm,oseast1m,osnrth1m,lat,long,pcon\n"


def _import(path: Path) -> str:
    out = StringIO()
    boundaries = shared_data("geo", "pcon-2024-boundaries-buc.geojson")
    call_command("import_postcodes", str(path), "--boundaries", str(boundaries), stdout=out)
    return out.getvalue()


@pytest.fixture
def real_slice(postcode_lines: dict[str, list[str]], tmp_path: Path) -> Path:
    lines = [
        line
        for district in ("SW1A", "W1V", "BN10", "TR21", "BT1", "ZE2")
        for line in postcode_lines[district]
    ]
    return write_slice(tmp_path / "slice.csv.gz", lines)


def _seat(postcode: str) -> str:
    return Postcode.objects.select_related("constituency").get(pk=postcode).constituency.name  # type: ignore[union-attr]


def test_it_assigns_each_postcode_its_constituency(real_slice: Path) -> None:
    _import(real_slice)
    assert _seat("SW1A 1AA") == "Cities of London and Westminster"
    assert _seat("BN10 7QQ") == "Brighton Kemptown and Peacehaven"  # on the meridian: longitude 0
    assert _seat("TR21 0HE") == "St Ives"  # the Isles of Scilly, off the simplified coast
    placed = Postcode.objects.filter(lat__isnull=False)
    belfast = set(placed.filter(district="BT1").values_list("constituency__country", flat=True))
    shetland = set(placed.filter(district="ZE2").values_list("constituency__name", flat=True))
    assert (belfast, shetland) == ({"Northern Ireland"}, {"Orkney and Shetland"})


def test_a_second_run_leaves_the_same_rows(real_slice: Path) -> None:
    _import(real_slice)
    first = set(
        Postcode.objects.values_list(
            "postcode", "district", "lat", "lng", "constituency_id", "terminated"
        )
    )
    _import(real_slice)
    second = set(
        Postcode.objects.values_list(
            "postcode", "district", "lat", "lng", "constituency_id", "terminated"
        )
    )
    assert first == second
    assert len(first) > 2000


def test_it_keeps_postcodes_without_a_position_with_no_coordinates(
    postcode_lines: dict[str, list[str]], tmp_path: Path
) -> None:
    lines = postcode_lines["SW1A"] + ["GIR 0AA,,0.00000\n"]
    _import(write_slice(tmp_path / "gir.csv", lines))
    gir = Postcode.objects.get(pk="GIR 0AA")
    assert (gir.lat, gir.lng, gir.constituency_id) == (None, None, None)
    assert locate("GIR 0AA").precision == "none"


def test_locate_uses_the_exact_position_once_imported(real_slice: Path) -> None:
    assert locate("SW1A 1AA").precision == "district"
    _import(real_slice)
    location = locate("SW1A 1AA")
    assert (location.precision, location.lat, location.lng) == ("exact", 51.50101, -0.14156)
    assert (
        location.constituency_id
        == Constituency.objects.get(name="Cities of London and Westminster").pk
    )


def test_a_terminated_postcode_from_the_real_file_still_locates(
    postcode_lines: dict[str, list[str]], tmp_path: Path
) -> None:
    _import(write_slice(tmp_path / "w1v.csv", postcode_lines["W1V"] + postcode_lines["AB1"]))
    assert locate("W1V 1AA").precision == "exact"
    assert locate("AB1 0AA").precision == "exact"  # Aberdeen's AB1, recoded in the 1990s


def test_it_reads_a_real_nspl_zip_with_its_own_columns(tmp_path: Path) -> None:
    rows = [
        "SW1A1AA,SW1A 1AA,SW1A 1AA,198001,,529090,179645,51.501009,-0.141588,E14001172\n",
        "SW1A0PW,SW1A 0PW,SW1A 0PW,198001,200012,530047,179543,51.499910,-0.127864,E14001172\n",
        "ZZ990ZZ,ZZ99 0ZZ,ZZ99 0ZZ,198001,,,,99.999999,0.000000,\n",
    ]
    csv_path = write_slice(tmp_path / "NSPL_MAY_2025_UK.csv", rows, NSPL_HEADER)
    archive = tmp_path / "NSPL_MAY_2025.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(csv_path, "Data/NSPL_MAY_2025_UK.csv")
        out.writestr("Documents/readme.csv", "a,b\n1,2\n")
    _import(archive)
    assert Postcode.objects.get(pk="SW1A 0PW").terminated
    assert not Postcode.objects.get(pk="SW1A 1AA").terminated
    assert _seat("SW1A 0PW") == "Cities of London and Westminster"
    assert Postcode.objects.get(pk="ZZ99 0ZZ").lat is None


def test_it_prints_progress(real_slice: Path) -> None:
    output = _import(real_slice)
    assert "postcodes imported" in output
    assert " s\n" in output


def test_a_file_without_the_needed_columns_is_refused_and_nothing_written(tmp_path: Path) -> None:
    path = write_slice(tmp_path / "people.csv", ["Ann,SW1A 1AA\n"], "name,postcode\n")
    with pytest.raises(CommandError, match="no lat, lng column"):
        _import(path)
    assert not Postcode.objects.exists()


def test_a_missing_file_is_refused_clearly(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="No postcode file"):
        _import(tmp_path / "absent.csv")
