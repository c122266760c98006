"""`near`: people within a distance of a postcode, placed once when the search compiles; a postcode
that cannot be placed is refused with geo's own message."""

import pytest

from groundswell.geo.models import PostcodeDistrict
from groundswell.geo.queries import LocationError, locate
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import matching
from groundswell.searches.tests.fixtures import Movement, names

pytestmark = pytest.mark.django_db

KM_PER_DEGREE_LAT = 111.2


def _place(movement: Movement) -> tuple[float, float]:
    """Ada at the E8 district's centre, Bea 3 km north of it, Cal 30 km north, nobody else placed."""
    e8 = PostcodeDistrict.objects.get(code="E8")
    for person, km in [(movement.ada, 0.0), (movement.bea, 3.0), (movement.cal, 30.0)]:
        person.lat, person.lng = e8.lat + km / KM_PER_DEGREE_LAT, e8.lng
        person.save()
    return e8.lat, e8.lng


def test_near_finds_the_people_within_the_distance(movement: Movement) -> None:
    _place(movement)
    assert names(
        matching(movement.national, {"filter": "near", "postcode": "E8 1DY", "km": 1})
    ) == {"Ada"}
    assert names(matching(movement.national, {"filter": "near", "postcode": "E8", "km": 5})) == {
        "Ada",
        "Bea",
    }


def test_not_near_keeps_people_with_no_position(movement: Movement) -> None:
    _place(movement)
    far = matching(movement.national, {"not": {"filter": "near", "postcode": "e81dy", "km": 5}})
    assert {"Cal", "Olive", "Meg", "Nat"} <= names(far)
    assert not {"Ada", "Bea"} & names(far)


def _geo_message(text: str) -> str:
    with pytest.raises(LocationError) as caught:
        locate(text)
    return str(caught.value)


@pytest.mark.parametrize("postcode", ["NOT A CODE", "QQ1 1AA", "E99 1AA"])
def test_near_refuses_a_postcode_it_cannot_place_with_geos_message(
    movement: Movement, postcode: str
) -> None:
    with pytest.raises(DefinitionError) as caught:
        matching(movement.national, {"filter": "near", "postcode": postcode, "km": 5})
    assert str(caught.value) == _geo_message(postcode)
