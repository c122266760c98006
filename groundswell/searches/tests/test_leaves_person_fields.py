"""Leaves that test a person's own record: tags, groups, membership status and join date,
constituency, consent per channel and custom fields (the demo's "union")."""

from datetime import date

import pytest

from groundswell.geo.models import Constituency
from groundswell.people.models import CustomField, Tag
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import matching
from groundswell.searches.tests.fixtures import Movement, names, new_group, new_person

pytestmark = pytest.mark.django_db


def test_tag_finds_the_people_with_that_tag(movement: Movement) -> None:
    tag = Tag.objects.create(name="driver")
    movement.ada.tags.add(tag)
    movement.bea.tags.add(Tag.objects.create(name="cook"))
    found = matching(movement.national, {"filter": "tag", "tag": tag.pk})
    assert names(found) == {"Ada"}


def test_group_finds_its_members_whatever_their_role(movement: Movement) -> None:
    found = matching(movement.national, {"filter": "group", "group": movement.group_b.pk})
    assert names(found) == {"Bea", "Cal", "Otto"}


def test_membership_finds_people_of_that_status(movement: Movement) -> None:
    movement.bea.membership_status = "lapsed"
    movement.bea.save()
    found = matching(movement.national, {"filter": "membership", "status": "lapsed"})
    assert names(found) == {"Bea"}


def test_joined_includes_both_ends_of_the_period(movement: Movement) -> None:
    for person, since in [
        (movement.ada, date(2024, 1, 1)),
        (movement.bea, date(2024, 6, 30)),
        (movement.cal, date(2024, 7, 1)),
    ]:
        person.member_since = since
        person.save()
    period = {"filter": "joined", "after": "2024-01-01", "before": "2024-06-30"}
    assert names(matching(movement.national, period)) == {"Ada", "Bea"}
    open_ended = {"filter": "joined", "after": "2024-06-30"}
    assert names(matching(movement.national, open_ended)) == {"Bea", "Cal"}
    anyone_dated = {"filter": "joined"}
    assert names(matching(movement.national, anyone_dated)) == {"Ada", "Bea", "Cal"}


def test_constituency_finds_the_people_registered_there(movement: Movement) -> None:
    seat, other = Constituency.objects.order_by("pk")[:2]
    movement.ada.constituency = seat
    movement.ada.save()
    movement.bea.constituency = other
    movement.bea.save()
    found = matching(movement.national, {"filter": "constituency", "constituency": seat.pk})
    assert names(found) == {"Ada"}


def test_constituency_refuses_one_that_does_not_exist(movement: Movement) -> None:
    with pytest.raises(DefinitionError, match="Constituency 999999 does not exist"):
        matching(movement.national, {"filter": "constituency", "constituency": 999999})


@pytest.mark.parametrize("channel", ["email", "sms", "phone"])
def test_consent_finds_people_who_agreed_to_that_channel(movement: Movement, channel: str) -> None:
    setattr(movement.cal, f"{channel}_consent", True)
    movement.cal.save()
    other = {"email": "sms", "sms": "phone", "phone": "email"}[channel]
    setattr(movement.ada, f"{other}_consent", True)
    movement.ada.save()
    assert names(matching(movement.national, {"filter": "consent", "channel": channel})) == {"Cal"}


def _union_field() -> None:
    CustomField.objects.create(
        key="union", label="Trade union", kind="choice", choices=["Unite", "GMB", "UNISON"]
    )


def test_custom_field_finds_the_value_as_the_field_stores_it(movement: Movement) -> None:
    _union_field()
    movement.ada.custom_fields = {"union": "Unite"}
    movement.ada.save()
    movement.bea.custom_fields = {"union": "GMB"}
    movement.bea.save()
    movement.cal.custom_fields = {"shoe": "Unite"}
    movement.cal.save()
    typed_loosely = {"filter": "custom_field", "key": "union", "value": "unite"}
    assert names(matching(movement.national, typed_loosely)) == {"Ada"}


def test_custom_field_of_a_yes_no_or_number_kind_matches_the_stored_json_type(
    movement: Movement,
) -> None:
    CustomField.objects.create(key="driver", label="Drives", kind="yes_no")
    CustomField.objects.create(key="doors", label="Doors knocked", kind="number")
    movement.ada.custom_fields = {"driver": True, "doors": 40}
    movement.ada.save()
    movement.bea.custom_fields = {"driver": False, "doors": 4}
    movement.bea.save()
    drives = {"filter": "custom_field", "key": "driver", "value": "yes"}
    assert names(matching(movement.national, drives)) == {"Ada"}
    does_not = {"filter": "custom_field", "key": "driver", "value": False}
    assert names(matching(movement.national, does_not)) == {"Bea"}
    forty = {"filter": "custom_field", "key": "doors", "value": "40"}
    assert names(matching(movement.national, forty)) == {"Ada"}


def test_custom_field_free_text_ignores_case(movement: Movement) -> None:
    CustomField.objects.create(key="workplace", label="Workplace", kind="text")
    movement.cal.custom_fields = {"workplace": "Royal Mail"}
    movement.cal.save()
    leaf = {"filter": "custom_field", "key": "workplace", "value": "royal mail"}
    assert names(matching(movement.national, leaf)) == {"Cal"}


def test_custom_field_refuses_an_unknown_key_or_a_value_the_field_cannot_hold(
    movement: Movement,
) -> None:
    _union_field()
    with pytest.raises(DefinitionError, match="no custom field 'shoe'"):
        matching(movement.national, {"filter": "custom_field", "key": "shoe", "value": "9"})
    with pytest.raises(DefinitionError, match="must be one of: Unite, GMB, UNISON"):
        matching(movement.national, {"filter": "custom_field", "key": "union", "value": "RMT"})


def test_custom_field_whose_key_is_a_lookup_name_is_still_a_key(movement: Movement) -> None:
    CustomField.objects.create(key="contains", label="Contains", kind="text")
    movement.ada.custom_fields = {"contains": "x"}
    movement.ada.save()
    leaf = {"filter": "custom_field", "key": "contains", "value": "x"}
    assert names(matching(movement.national, leaf)) == {"Ada"}


def test_group_of_another_organiser_is_refused_as_if_it_did_not_exist(movement: Movement) -> None:
    new_group(name="Gamma")
    with pytest.raises(DefinitionError, match="does not exist or is not one you may use"):
        matching(movement.organiser_a, {"filter": "group", "group": movement.group_b.pk})
    new_person(given_name="Zoe")  # nobody else changes the answer
