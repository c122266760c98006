"""Distance to a seat is to the nearest of its points (sector means of its postcodes), 0 inside it."""

import numpy as np
import pytest

from groundswell.geo.distance import distance_km
from groundswell.geo.models import Constituency
from groundswell.geo.queries import locate
from groundswell.targets.models import SeatPoint
from groundswell.targets.placing import place_of
from groundswell.targets.seat_distance import SeatPoints, nearest_km


def test_each_seat_is_as_near_as_its_nearest_point() -> None:
    seats = SeatPoints.from_lists([[(51.5, -0.1), (52.0, 0.0)], [(53.0, -1.0)]])
    km = nearest_km(51.5, -0.1, seats)
    assert km[0] == 0
    assert km[1] == pytest.approx(distance_km(51.5, -0.1, 53.0, -1.0))


def test_no_seats_no_distances() -> None:
    assert len(nearest_km(51.5, -0.1, SeatPoints.from_lists([]))) == 0
    with pytest.raises(ValueError):
        SeatPoints.from_lists([[]])


def _km_to(seat: Constituency, lat: float, lng: float) -> float:
    points = list(SeatPoint.objects.filter(constituency=seat).values_list("lat", "lng"))
    return float(nearest_km(lat, lng, SeatPoints.from_lists([points]))[0])


@pytest.mark.django_db
def test_every_seat_has_points_and_each_lies_in_the_uk() -> None:
    per_seat = set(SeatPoint.objects.values_list("constituency_id", flat=True).distinct())
    assert per_seat == set(Constituency.objects.values_list("id", flat=True))
    assert len(per_seat) == 650
    lats = np.array(SeatPoint.objects.values_list("lat", flat=True))
    assert lats.min() > 49.8 and lats.max() < 60.9


@pytest.mark.django_db
def test_a_postcode_in_a_sector_wholly_inside_a_seat_places_the_volunteer_in_it() -> None:
    place = place_of(locate("NW4 4BT"))  # Hendon town hall
    assert place is not None and place.precision == "sector"
    assert place.seat_id == Constituency.objects.get(name="Hendon").pk


@pytest.mark.django_db
def test_near_the_edge_of_a_large_seat_the_nearest_postcodes_are_much_nearer_than_its_centre() -> (
    None
):
    # Kington (Herefordshire) is a few km from Radnorshire, the east end of a seat 100 km across;
    # part of its own sector HR5 3 is inside the seat.
    brecon = Constituency.objects.get(name="Brecon, Radnor and Cwm Tawe")
    place = place_of(locate("HR5 3DJ"))
    assert place is not None
    assert brecon.centroid_lat is not None and brecon.centroid_lng is not None
    to_centre = distance_km(place.lat, place.lng, brecon.centroid_lat, brecon.centroid_lng)
    to_points = _km_to(brecon, place.lat, place.lng)
    assert to_points < 8
    assert to_centre > 20  # the centre is a point deep inside the seat, 26 km away
