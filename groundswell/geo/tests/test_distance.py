"""Great-circle distance and the trig-free approximation that SQL evaluates."""

import math

import pytest

from groundswell.geo.distance import bounding_box, distance_km, equirectangular_sq_km

LONDON = (51.5074, -0.1278)
EDINBURGH = (55.9533, -3.1883)


def test_london_to_edinburgh_is_about_534_km() -> None:
    assert distance_km(*LONDON, *EDINBURGH) == pytest.approx(534, abs=1)


def test_distance_is_symmetric_and_zero_to_itself() -> None:
    assert distance_km(*LONDON, *LONDON) == 0
    assert distance_km(*LONDON, *EDINBURGH) == distance_km(*EDINBURGH, *LONDON)


def test_a_degree_of_latitude_is_about_111_km() -> None:
    assert distance_km(50, 0, 51, 0) == pytest.approx(111.2, abs=0.1)


@pytest.mark.parametrize(
    ("lat", "lng", "dlat", "dlng"),
    [
        (51.5, -0.1, 0.3, 0.4),
        (57.1, -2.1, -0.5, 0.9),
        (50.1, -5.5, 0.8, -0.8),
        (60.2, -1.2, -0.9, 1.5),
    ],
)
def test_the_sql_approximation_is_within_metres_at_tens_of_km(
    lat: float, lng: float, dlat: float, dlng: float
) -> None:
    exact = distance_km(lat, lng, lat + dlat, lng + dlng)
    approx = math.sqrt(equirectangular_sq_km(lat, lng, lat + dlat, lng + dlng))
    assert abs(approx - exact) < 0.01 + exact * 1e-4


def test_the_bounding_box_holds_the_whole_circle() -> None:
    min_lat, max_lat, min_lng, max_lng = bounding_box(*EDINBURGH, 50)
    for bearing in range(0, 360, 5):
        # a point 49.9 km away on each bearing, by a small spherical step
        rad = math.radians(bearing)
        lat = EDINBURGH[0] + 49.9 / 111.195 * math.cos(rad)
        lng = EDINBURGH[1] + 49.9 / (111.195 * math.cos(math.radians(lat))) * math.sin(rad)
        if distance_km(*EDINBURGH, lat, lng) <= 50:
            assert min_lat <= lat <= max_lat
            assert min_lng <= lng <= max_lng


def test_a_box_around_a_pole_spans_every_longitude() -> None:
    assert bounding_box(89.9, 0, 50)[2:] == (-180.0, 180.0)
