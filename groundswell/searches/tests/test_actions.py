"""create_search, update_search and delete_search: a stored definition always compiles for its
saver, sharing is only with groups they organise, and a search in use is not deleted."""

from typing import Any

import pytest

from groundswell.outreach.models import TextCampaign
from groundswell.searches.actions import (
    SearchRefused,
    create_search,
    delete_search,
    update_search,
)
from groundswell.searches.definition import DefinitionError
from groundswell.searches.models import SavedSearch
from groundswell.searches.tests.fixtures import Movement, assignment, saved

pytestmark = pytest.mark.django_db
SMS = {"all": [{"filter": "consent", "channel": "sms"}]}


def test_create_stores_a_search_owned_by_its_maker(movement: Movement) -> None:
    search = create_search(
        movement.organiser_a, name="  Texters ", definition=SMS, group=movement.group_a
    )
    search.refresh_from_db()
    assert (search.name, search.owner, search.group, search.definition) == (
        "Texters",
        movement.organiser_a,
        movement.group_a,
        SMS,
    )


def test_create_refuses_a_definition_that_does_not_compile_and_writes_nothing(
    movement: Movement,
) -> None:
    bad_ones: list[Any] = [{"filter": "tag", "tag": 424242}, {"filter": "tag", "tag": "x"}, []]
    for bad in bad_ones:
        with pytest.raises(DefinitionError):
            create_search(movement.organiser_a, name="Bad", definition=bad)
    assert not SavedSearch.objects.exists()


def test_create_refuses_sharing_with_a_group_the_user_does_not_organise(movement: Movement) -> None:
    with pytest.raises(SearchRefused, match="only with a group you organise"):
        create_search(movement.organiser_a, name="X", definition=SMS, group=movement.group_b)
    assert not SavedSearch.objects.exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Give the search a name"),
        ("a\x00b", "no NUL characters"),
        ("a\ud800b", "plain text"),
        ("x" * 201, "at most 200"),
    ],
)
def test_create_refuses_a_bad_name(movement: Movement, name: str, message: str) -> None:
    with pytest.raises(SearchRefused, match=message):
        create_search(movement.organiser_a, name=name, definition=SMS)


def test_update_refuses_a_change_that_makes_the_search_use_itself(movement: Movement) -> None:
    first = create_search(movement.national, name="First", definition=SMS)
    second = create_search(
        movement.national, name="Second", definition={"filter": "in_search", "search": first.pk}
    )
    with pytest.raises(DefinitionError, match="refers back to itself"):
        update_search(
            movement.national,
            first,
            name="First",
            definition={"filter": "in_search", "search": second.pk},
        )
    first.refresh_from_db()
    assert first.definition == SMS


def test_update_keeps_a_group_someone_else_shared_it_with(movement: Movement) -> None:
    # Shared with A by a national organiser; organiser A may edit it without unsharing.
    search = saved(movement.national, SMS, group=movement.group_a)
    update_search(
        movement.organiser_a, search, name="Renamed", definition=SMS, group=movement.group_a
    )
    search.refresh_from_db()
    assert (search.name, search.group) == ("Renamed", movement.group_a)


def test_delete_removes_an_unused_search(movement: Movement) -> None:
    search = saved(movement.organiser_a, SMS)
    delete_search(movement.organiser_a, search)
    assert not SavedSearch.objects.filter(pk=search.pk).exists()


def test_delete_is_refused_while_a_call_assignment_uses_it(movement: Movement) -> None:
    calls = assignment(movement.organiser_a, name="Phone the stewards")
    with pytest.raises(SearchRefused, match="“Phone the stewards”"):
        delete_search(movement.organiser_a, calls.audience)
    assert SavedSearch.objects.filter(pk=calls.audience_id).exists()


def test_delete_is_refused_while_a_texting_campaign_uses_it(movement: Movement) -> None:
    search = saved(movement.organiser_a, SMS)
    TextCampaign.objects.create(
        name="GOTV texts", audience=search, message="Hi", created_by=movement.organiser_a
    )
    with pytest.raises(SearchRefused, match="“GOTV texts”"):
        delete_search(movement.organiser_a, search)
    assert SavedSearch.objects.filter(pk=search.pk).exists()


def test_delete_is_refused_while_another_search_uses_it(movement: Movement) -> None:
    base = saved(movement.organiser_a, SMS, name="Base")
    saved(movement.organiser_a, {"filter": "in_search", "search": base.pk}, name="On top")
    with pytest.raises(SearchRefused, match="“On top” uses this one"):
        delete_search(movement.organiser_a, base)
    assert SavedSearch.objects.filter(pk=base.pk).exists()


def test_a_private_search_using_it_is_not_named_to_someone_who_cannot_open_it(
    movement: Movement,
) -> None:
    base = saved(movement.organiser_a, SMS, name="Base", group=movement.group_a)
    saved(movement.organiser_b, {"filter": "in_search", "search": base.pk}, name="Otto's secret")
    with pytest.raises(SearchRefused) as refused:
        delete_search(movement.organiser_a, base)
    assert "Another organiser's saved search uses this one" in str(refused.value)
    assert "secret" not in str(refused.value)
