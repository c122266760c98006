"""The import's quick way of placing postcodes gives exactly what geo's locate() gives."""

import random

import pytest

from groundswell.geo import postcodes
from groundswell.geo.models import Postcode, PostcodeDistrict
from groundswell.geo.queries import LocationError, locate
from groundswell.people.importing.places import PlaceBook

pytestmark = pytest.mark.django_db
INWARD = "ABDEFGHJLNPQRSTUWXYZ"


def same(place, expected):  # type: ignore[no-untyped-def]
    if isinstance(expected, LocationError):
        return isinstance(place, LocationError) and (str(place), place.suggestion) == (
            str(expected),
            expected.suggestion,
        )
    return place == expected


def expected(text: str):  # type: ignore[no-untyped-def]
    try:
        return locate(text)
    except LocationError as error:
        return error


def test_every_known_district_is_a_valid_outward_code_for_geo():
    for code in PostcodeDistrict.objects.values_list("code", flat=True):
        assert postcodes.parse(f"{code} 1AB").outward == code


def test_quick_placing_matches_locate_for_districts_and_full_postcodes():
    rng = random.Random(3)
    codes = list(PostcodeDistrict.objects.values_list("code", flat=True))
    texts = [
        f"{c} {rng.randint(0, 9)}{rng.choice(INWARD)}{rng.choice(INWARD)}"
        for c in rng.sample(codes, 150)
    ]
    texts += [t.lower().replace(" ", "") for t in texts[:50]]
    exact = texts[0].upper()
    Postcode.objects.create(
        postcode=exact, district=exact.split()[0], lat=51.0, lng=-1.0, constituency=None
    )
    Postcode.objects.create(
        postcode=texts[1].upper(), district=texts[1].split()[0], lat=None, lng=None
    )
    texts += [
        "SWIA 1AA",
        "S01 1AA",
        "QW3 3RR",
        "BFPO 1234",
        "SW1A",
        "GIR 0AA",
        "10115",
        "sw1a  1aa",
        "E1 1AA extra",
    ]
    placed = PlaceBook().resolve(texts)
    for text in texts:
        assert same(placed[text], expected(text)), text
    first = placed[texts[0]]
    assert not isinstance(first, LocationError) and first.precision == "exact"
