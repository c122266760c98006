"""A search only ever finds people its user may see, and only names what its user may use."""

import pytest

from groundswell.people.models import Tag
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import audience, matching
from groundswell.searches.tests.fixtures import Movement, names, saved

pytestmark = pytest.mark.django_db


@pytest.fixture
def everyone_tagged(movement: Movement) -> int:
    tag = Tag.objects.create(name="volunteer")
    for person in (movement.ada, movement.bea, movement.cal):
        person.tags.add(tag)
    return tag.pk


def test_an_organiser_of_group_a_sees_only_group_a_people_a_search_matches(
    movement: Movement, everyone_tagged: int
) -> None:
    leaf = {"filter": "tag", "tag": everyone_tagged}
    assert names(matching(movement.organiser_a, leaf)) == {"Ada", "Cal"}  # not Bea (group B only)
    assert names(matching(movement.organiser_b, leaf)) == {"Bea", "Cal"}
    assert names(matching(movement.national, leaf)) == {"Ada", "Bea", "Cal"}


def test_not_cannot_reach_outside_what_the_organiser_sees(
    movement: Movement, everyone_tagged: int
) -> None:
    nobody_tagged = {"not": {"filter": "tag", "tag": everyone_tagged}}
    assert names(matching(movement.organiser_a, nobody_tagged)) == {"Olive", "Meg"}


def test_a_member_without_a_personal_data_role_gets_nobody(
    movement: Movement, everyone_tagged: int
) -> None:
    assert not matching(movement.member, {"filter": "tag", "tag": everyone_tagged}).exists()
    assert not matching(movement.member, {"all": []}).exists()


def test_a_search_naming_another_users_private_search_is_refused(movement: Movement) -> None:
    private = saved(movement.organiser_b, {"all": []}, name="B's list")
    with pytest.raises(DefinitionError, match="does not exist or is not one you may use"):
        matching(movement.organiser_a, {"filter": "in_search", "search": private.pk})


def test_invisible_and_missing_ids_get_the_same_answer(movement: Movement) -> None:
    with pytest.raises(DefinitionError) as invisible:
        matching(movement.organiser_a, {"filter": "group", "group": movement.group_b.pk})
    with pytest.raises(DefinitionError) as missing:
        matching(movement.organiser_a, {"filter": "group", "group": 987654})
    assert str(invisible.value).replace(str(movement.group_b.pk), "N") == str(
        missing.value
    ).replace("987654", "N")


def test_an_audience_is_what_the_searchs_owner_may_see(
    movement: Movement, everyone_tagged: int
) -> None:
    search = saved(movement.organiser_b, {"filter": "tag", "tag": everyone_tagged})
    assert names(audience(search)) == {"Bea", "Cal"}
