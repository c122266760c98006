"""within_km and nearest against brute-force haversine over the real district table (loaded by migration)."""

from typing import Any

import pytest
from django.db.models import QuerySet

from groundswell.geo.distance import distance_km
from groundswell.geo.models import Postcode, PostcodeDistrict
from groundswell.geo.queries import nearest, within_km

pytestmark = pytest.mark.django_db

CENTRES = {
    "Westminster": (51.501, -0.1416),
    "Edinburgh": (55.9533, -3.1883),
    "Truro": (50.2632, -5.051),
    "Lerwick": (60.1546, -1.1494),
    "Belfast": (54.5973, -5.9301),
}


def _brute_force(lat: float, lng: float) -> dict[str, float]:
    return {d.code: distance_km(lat, lng, d.lat, d.lng) for d in PostcodeDistrict.objects.all()}


@pytest.mark.parametrize("place", CENTRES)
@pytest.mark.parametrize("km", [3, 25, 120])
def test_within_km_finds_the_same_districts_as_haversine(place: str, km: float) -> None:
    lat, lng = CENTRES[place]
    truth = _brute_force(lat, lng)
    found = set(
        within_km(PostcodeDistrict.objects.all(), lat, lng, km).values_list("code", flat=True)
    )
    expected = {code for code, d in truth.items() if d <= km}
    # Only a district within a few metres of the edge may differ: the SQL formula is approximate.
    assert all(abs(truth[code] - km) < 0.02 for code in found ^ expected)
    assert len(expected) == 0 or found


def test_within_km_stays_a_lazy_queryset_with_the_squared_distance() -> None:
    lat, lng = CENTRES["Westminster"]
    qs = within_km(PostcodeDistrict.objects.all(), lat, lng, 2)
    assert isinstance(qs, QuerySet)
    sw1a = qs.get(code="SW1A")
    exact = distance_km(lat, lng, sw1a.lat, sw1a.lng)
    assert getattr(sw1a, "distance_sq") ** 0.5 == pytest.approx(exact, abs=0.01)  # noqa: B009


def test_within_km_can_be_narrowed_further_and_ordered() -> None:
    lat, lng = CENTRES["Edinburgh"]
    codes = list(
        within_km(PostcodeDistrict.objects.filter(code__startswith="EH"), lat, lng, 10)
        .order_by("distance_sq")
        .values_list("code", flat=True)
    )
    assert codes[0] == "EH1"
    assert all(code.startswith("EH") for code in codes)


@pytest.mark.parametrize("place", CENTRES)
def test_nearest_matches_haversine_ranking(place: str, django_assert_max_num_queries: Any) -> None:
    lat, lng = CENTRES[place]
    truth = sorted(_brute_force(lat, lng).items(), key=lambda item: item[1])[:5]
    with django_assert_max_num_queries(6):
        found = nearest(PostcodeDistrict.objects.all(), lat, lng, 5)
    assert [d.code for d, _ in found] == [code for code, _ in truth]
    assert [km for _, km in found] == pytest.approx([km for _, km in truth])


def test_nearest_respects_a_maximum_distance() -> None:
    lat, lng = CENTRES["Lerwick"]
    found = nearest(PostcodeDistrict.objects.all(), lat, lng, 50, max_km=30)
    assert found
    assert all(km <= 30 for _, km in found)
    assert len(found) < 50


def test_nearest_reaches_across_the_country_when_nothing_is_close() -> None:
    lat, lng = CENTRES["Truro"]
    far_away = PostcodeDistrict.objects.filter(code__startswith="ZE")  # Shetland, ~1,000 km off
    found = nearest(far_away, lat, lng, 2)
    assert len(found) == 2
    assert found[0][1] > 900


def test_nearest_skips_rows_without_a_position_and_follows_related_fields() -> None:
    Postcode.objects.create(postcode="SW1A 1AA", district="SW1A", lat=51.50101, lng=-0.14156)
    Postcode.objects.create(postcode="SW1A 2AA", district="SW1A", lat=51.50354, lng=-0.12768)
    Postcode.objects.create(postcode="GIR 0AA", district="GIR")
    found = nearest(Postcode.objects.all(), 51.5014, -0.1419, 5)
    assert [p.postcode for p, _ in found] == ["SW1A 1AA", "SW1A 2AA"]


def test_nearest_of_none_is_empty() -> None:
    assert nearest(PostcodeDistrict.objects.all(), 51.5, 0, 0) == []


def test_a_place_without_a_position_is_near_nothing() -> None:
    assert list(within_km(PostcodeDistrict.objects.all(), None, None, 50)) == []
    assert nearest(PostcodeDistrict.objects.all(), None, None, 5) == []
