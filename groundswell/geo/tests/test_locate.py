"""locate: the full postcode table first, then the district centroid, with errors fit to show a user."""

from typing import Any

import pytest

from groundswell.geo.models import Constituency, Postcode, PostcodeDistrict
from groundswell.geo.queries import (
    Location,
    LocationError,
    locate,
    locate_many,
    normalise_postal_code,
)

pytestmark = pytest.mark.django_db


def _westminster() -> Constituency:
    return Constituency.objects.get(name="Cities of London and Westminster")


def test_it_uses_the_exact_position_when_the_full_table_has_the_postcode() -> None:
    Postcode.objects.create(
        postcode="SW1A 1AA",
        district="SW1A",
        lat=51.50101,
        lng=-0.14156,
        constituency=_westminster(),
    )
    assert locate("sw1a1aa") == Location(
        "SW1A 1AA", "SW1A", 51.50101, -0.14156, "exact", _westminster().pk
    )


def test_a_terminated_postcode_in_the_table_still_has_its_position() -> None:
    Postcode.objects.create(
        postcode="W1V 1AA", district="W1V", lat=51.51484, lng=-0.14131, terminated=True
    )
    location = locate("W1V 1AA")
    assert (location.precision, location.lat) == ("exact", 51.51484)


def test_it_falls_back_to_the_district_centroid_without_the_full_table() -> None:
    sw1a = PostcodeDistrict.objects.get(code="SW1A")
    location = locate("SW1A 2AA")
    assert location == Location(
        "SW1A 2AA", "SW1A", sw1a.lat, sw1a.lng, "district", _westminster().pk
    )


def test_a_postcode_listed_without_a_position_falls_back_to_its_district() -> None:
    Postcode.objects.create(postcode="SW1A 9ZZ", district="SW1A")
    assert locate("SW1A 9ZZ").precision == "district"


def test_a_bare_district_locates_to_its_centroid_with_no_postal_code() -> None:
    location = locate("sw1a")
    assert (location.postal_code, location.district, location.precision) == ("", "SW1A", "district")
    assert location.lat is not None


def test_bfpo_and_girobank_are_valid_but_have_no_position() -> None:
    assert locate("BFPO 1234") == Location("BFPO 1234", "", None, None, "none", None)
    assert locate("GIR 0AA").precision == "none"


def test_an_unknown_district_is_refused_and_a_known_lookalike_suggested() -> None:
    with pytest.raises(LocationError, match="We don't recognise the postcode area S01") as caught:
        locate("S01 1AA")  # digit zero for the letter O of Southampton
    assert caught.value.suggestion == "SO1 1AA"


def test_an_unknown_district_with_no_lookalike_gets_no_suggestion() -> None:
    with pytest.raises(LocationError, match="We don't recognise the postcode area") as caught:
        locate("YY9 9ZZ")
    assert caught.value.suggestion is None


def test_a_typo_is_suggested_only_where_the_corrected_district_exists() -> None:
    with pytest.raises(LocationError) as caught:
        locate("SW1A OAA")
    assert caught.value.suggestion == "SW1A 0AA"
    with pytest.raises(LocationError) as caught:
        locate("ZZ1 1AA")  # reads as "Z21", which is no district
    assert caught.value.suggestion is None


def test_other_countries_are_refused_clearly() -> None:
    with pytest.raises(LocationError, match="only look up UK postcodes"):
        locate("75008", country="FR")
    with pytest.raises(LocationError, match="isn't a UK postcode"):
        locate("90210")


def test_normalising_needs_no_database_and_uses_the_same_errors() -> None:
    assert normalise_postal_code(" e1 6an") == "E1 6AN"
    with pytest.raises(LocationError):
        normalise_postal_code("K1A 0B1")


def test_locate_many_answers_each_code_in_a_few_queries(django_assert_max_num_queries: Any) -> None:
    Postcode.objects.create(postcode="SW1A 1AA", district="SW1A", lat=51.50101, lng=-0.14156)
    texts = ["sw1a1aa", "E1 6AN", "SW1A OAA", "BFPO 3", "YY9 9ZZ"] + [
        f"M1 {n}AE" for n in range(10)
    ]
    with django_assert_max_num_queries(3):
        found = locate_many(texts)
    assert found["sw1a1aa"].precision == "exact"  # type: ignore[union-attr]
    assert found["E1 6AN"].precision == "district"  # type: ignore[union-attr]
    assert found["BFPO 3"].precision == "none"  # type: ignore[union-attr]
    assert isinstance(found["SW1A OAA"], LocationError)
    assert isinstance(found["YY9 9ZZ"], LocationError)
    assert all(found[f"M1 {n}AE"].district == "M1" for n in range(10))  # type: ignore[union-attr]
