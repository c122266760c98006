"""All / any / not combine leaves as organisers expect, including the empty cases."""

import pytest

from groundswell.people.models import Tag
from groundswell.searches.queries import matching
from groundswell.searches.tests.fixtures import Movement, names

pytestmark = pytest.mark.django_db
EVERYONE = {"Olive", "Otto", "Meg", "Nat", "Ada", "Bea", "Cal"}


@pytest.fixture
def tagged(movement: Movement) -> dict[str, int]:
    """Ada: driver; Bea: driver and cook; Cal: cook. Ada and Cal agree to texts."""
    driver, cook = Tag.objects.create(name="driver"), Tag.objects.create(name="cook")
    movement.ada.tags.add(driver)
    movement.bea.tags.add(driver, cook)
    movement.cal.tags.add(cook)
    for person in (movement.ada, movement.cal):
        person.sms_consent = True
        person.save()
    return {"driver": driver.pk, "cook": cook.pk}


def leaf(tag: int) -> dict[str, object]:
    return {"filter": "tag", "tag": tag}


def test_all_needs_every_rule(movement: Movement, tagged: dict[str, int]) -> None:
    both = {"all": [leaf(tagged["driver"]), leaf(tagged["cook"])]}
    assert names(matching(movement.national, both)) == {"Bea"}


def test_any_needs_one_rule(movement: Movement, tagged: dict[str, int]) -> None:
    either = {"any": [leaf(tagged["driver"]), leaf(tagged["cook"])]}
    assert names(matching(movement.national, either)) == {"Ada", "Bea", "Cal"}


def test_not_leaves_out_the_people_the_rule_finds(
    movement: Movement, tagged: dict[str, int]
) -> None:
    not_driver = {"not": leaf(tagged["driver"])}
    assert names(matching(movement.national, not_driver)) == EVERYONE - {"Ada", "Bea"}


def test_nested_combinations(movement: Movement, tagged: dict[str, int]) -> None:
    # (driver or cook) and texts allowed, but not both tags
    tree = {
        "all": [
            {"any": [leaf(tagged["driver"]), leaf(tagged["cook"])]},
            {"filter": "consent", "channel": "sms"},
            {"not": {"all": [leaf(tagged["driver"]), leaf(tagged["cook"])]}},
        ]
    }
    assert names(matching(movement.national, tree)) == {"Ada", "Cal"}


def test_empty_all_matches_everyone_and_its_negation_nobody(movement: Movement) -> None:
    assert names(matching(movement.national, {"all": []})) == EVERYONE
    assert names(matching(movement.national, {"not": {"all": []}})) == set()


def test_empty_any_matches_nobody_and_its_negation_everyone(movement: Movement) -> None:
    assert names(matching(movement.national, {"any": []})) == set()
    assert names(matching(movement.national, {"not": {"any": []}})) == EVERYONE


def test_not_keeps_people_for_whom_the_rule_has_nothing_to_compare(movement: Movement) -> None:
    """NULLs must not vanish under "not": no constituency, no join date, no such custom field."""
    from groundswell.geo.models import Constituency
    from groundswell.people.models import CustomField

    seat = Constituency.objects.order_by("pk").first()
    assert seat is not None
    CustomField.objects.create(key="union", label="Union", kind="text")
    movement.ada.constituency = seat
    movement.ada.custom_fields = {"union": "Unite"}
    movement.ada.member_since = movement.ada.created_at.date()
    movement.ada.save()
    for rule in [
        {"filter": "constituency", "constituency": seat.pk},
        {"filter": "custom_field", "key": "union", "value": "Unite"},
        {"filter": "joined", "after": "2000-01-01"},
    ]:
        assert names(matching(movement.national, {"not": rule})) == EVERYONE - {"Ada"}, rule
