"""The editor pages: a new search and editing one, with "Add a rule" and "Remove" as plain submits
(no JavaScript needed), a stored search shown as rows and saved back unchanged, and hostile input
answered with 400 and a message, nothing written."""

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import verified_client
from groundswell.people.models import Tag
from groundswell.searches.models import SavedSearch
from groundswell.searches.tests.fixtures import Movement, saved
from groundswell.searches.tests.formdata import form_fields

pytestmark = pytest.mark.django_db


def client_for(movement: Movement) -> Client:
    return verified_client(movement.organiser_a)


def test_a_new_search_is_saved_from_plain_form_fields(movement: Movement) -> None:
    tag = Tag.objects.create(name="steward")
    response = client_for(movement).post(
        reverse("searches:new"),
        {
            "name": "Stewards who text",
            "description": "For the rally",
            "group": movement.group_a.pk,
            "match": "all",
            "r-0-filter": "tag",
            "r-0-tag": tag.pk,
            "r-1-filter": "consent",
            "r-1-channel": "sms",
            "r-1-negate": "on",
        },
    )
    search = SavedSearch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("searches:people", args=[search.pk])
    assert search.owner == movement.organiser_a and search.group == movement.group_a
    assert search.definition == {
        "all": [{"filter": "tag", "tag": tag.pk}, {"not": {"filter": "consent", "channel": "sms"}}]
    }


def test_add_a_rule_shows_one_more_row_with_its_inputs_and_saves_nothing(
    movement: Movement,
) -> None:
    response = client_for(movement).post(
        reverse("searches:new"),
        {"name": "Draft", "match": "any", "r-0-filter": "consent", "r-0-channel": "email",
         "new_filter": "near", "add": "1"},
    )  # fmt: skip
    assert response.status_code == 200
    fields = form_fields(response.content.decode())
    assert fields["r-0-channel"] == "email"
    assert fields["r-1-filter"] == "near" and fields["r-1-km"] == "5"
    assert "r-1-postcode" in fields and fields["match"] == "any"
    assert not SavedSearch.objects.exists()


def test_remove_drops_that_row_and_saves_nothing(movement: Movement) -> None:
    response = client_for(movement).post(
        reverse("searches:new"),
        {"name": "Draft", "match": "all", "r-0-filter": "consent", "r-0-channel": "email",
         "r-1-filter": "consent", "r-1-channel": "sms", "remove": "0"},
    )  # fmt: skip
    fields = form_fields(response.content.decode())
    assert fields["r-0-channel"] == "sms" and "r-1-filter" not in fields
    assert not SavedSearch.objects.exists()


def test_editing_shows_the_stored_rules_and_saving_them_back_changes_nothing(
    movement: Movement,
) -> None:
    tag = Tag.objects.create(name="steward")
    definition = {
        "any": [
            {"filter": "tag", "tag": tag.pk},
            {"not": {"filter": "group", "group": movement.group_a.pk}},
            {"filter": "near", "postcode": "E8 1DY", "km": 10},
            {"filter": "events", "status": "attended", "kind": "canvass", "after": "2025-01-01"},
            {"all": [{"filter": "consent", "channel": "sms"}, {"filter": "membership", "status": "member"}]},
        ]
    }  # fmt: skip
    search = saved(movement.organiser_a, definition, name="Mixed")
    client = client_for(movement)
    page = client.get(reverse("searches:edit", args=[search.pk])).content.decode()
    assert "made through the API" in page  # the nested group is shown read-only
    response = client.post(reverse("searches:edit", args=[search.pk]), form_fields(page))
    assert response.status_code == 302
    search.refresh_from_db()
    assert search.definition == definition and search.name == "Mixed"


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (
            {"r-0-filter": "group", "r-0-group": "GROUP_B"},
            "does not exist or is not one you may use",
        ),
        ({"r-0-filter": "teleport"}, "Unknown filter"),
        ({"r-0-filter": "near", "r-0-postcode": "NOPE", "r-0-km": "5"}, "postcode"),
        ({"r-0-filter": "raw", "r-0-raw": '{"filter": "tag", "tag": "\\u0000"}'}, "whole number"),
        ({"r-0-filter": "raw", "r-0-raw": "[" * 3000}, "could not be read"),
        (
            {"r-0-filter": "in_search", "r-0-search": "OTHERS"},
            "does not exist or is not one you may use",
        ),
        ({"name": "Bad\x00name"}, "Null characters are not allowed"),
    ],
)
def test_hostile_input_gets_400_with_a_message_and_writes_nothing(
    movement: Movement, rule: dict[str, str], message: str
) -> None:
    others = saved(movement.organiser_b, {"all": []}, name="Otto's")
    data = {"name": "Try", "match": "all", **rule}
    data = {
        k: v.replace("GROUP_B", str(movement.group_b.pk)).replace("OTHERS", str(others.pk))
        for k, v in data.items()
    }
    response = client_for(movement).post(reverse("searches:new"), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert SavedSearch.objects.count() == 1  # only Otto's


def test_an_edit_that_would_make_a_cycle_is_refused(movement: Movement) -> None:
    first = saved(movement.organiser_a, {"all": []}, name="First")
    second = saved(movement.organiser_a, {"filter": "in_search", "search": first.pk}, name="Second")
    response = client_for(movement).post(
        reverse("searches:edit", args=[first.pk]),
        {"name": "First", "match": "all", "r-0-filter": "in_search", "r-0-search": second.pk},
    )
    assert response.status_code == 400
    assert "refers back to itself" in response.content.decode()
    first.refresh_from_db()
    assert first.definition == {"all": []}


def test_someone_elses_private_search_cannot_be_opened_for_editing(movement: Movement) -> None:
    others = saved(movement.organiser_b, {"all": []})
    client = client_for(movement)
    assert client.get(reverse("searches:edit", args=[others.pk])).status_code == 404
    response = client.post(
        reverse("searches:edit", args=[others.pk]), {"name": "Mine now", "match": "all"}
    )
    assert response.status_code == 404
    others.refresh_from_db()
    assert others.name == "A search"
