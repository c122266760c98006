"""Setting up a selection on the new-selection page: organisers only, and bad input writes nothing."""

import pytest
from django.urls import reverse

from groundswell.accounts.models import Role
from groundswell.core.testing import GroupFactory, add_member, make_user, verified_client
from groundswell.groups.models import Group, Membership
from groundswell.selections.models import Selection

from .helpers import person

pytestmark = pytest.mark.django_db

GOOD = {
    "post": "Committee", "description": "Three seats on the committee.", "seats": "3",
    "method": "stv", "nominations_open": "2026-03-01T09:00", "nominations_close": "2026-03-15T17:00",
    "nominators_required": "5",
}  # fmt: skip


def _organiser():  # type: ignore[no-untyped-def]
    group: Group = GroupFactory()  # type: ignore[assignment]
    someone = person()
    add_member(group, someone, Membership.Role.ORGANISER)
    return group, make_user(Role.MEMBER, person=someone)


def test_a_group_organiser_sets_up_a_selection_of_their_group() -> None:
    group, organiser = _organiser()
    response = verified_client(organiser).post(
        reverse("selections:new"), {**GOOD, "group": group.pk}
    )
    selection = Selection.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("selections:organise", args=[selection.pk])
    assert (selection.group, selection.seats, selection.method) == (group, 3, "stv")
    assert selection.nominators_required == 5


def test_a_national_organiser_sets_up_a_selection_of_all_members() -> None:
    national = make_user(Role.NATIONAL_ORGANISER)
    response = verified_client(national).post(reverse("selections:new"), {**GOOD, "group": ""})
    assert response.status_code == 302
    assert Selection.objects.get().group is None


def test_a_group_organiser_cannot_set_up_a_national_selection() -> None:
    _, organiser = _organiser()
    response = verified_client(organiser).post(reverse("selections:new"), {**GOOD, "group": ""})
    assert response.status_code in (400, 403)
    assert not Selection.objects.exists()


def test_it_refuses_another_groups_organiser() -> None:
    group, _ = _organiser()
    _, other = _organiser()
    response = verified_client(other).post(reverse("selections:new"), {**GOOD, "group": group.pk})
    assert response.status_code == 400  # not one of their groups to choose
    assert not Selection.objects.exists()


def test_a_plain_member_cannot_open_the_page() -> None:
    member = make_user(Role.MEMBER, person=person())
    response = verified_client(member).get(reverse("selections:new"))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "changes",
    [
        {"post": ""},
        {"post": "x" * 201},
        {"seats": "0"},
        {"seats": "many"},
        {"method": "borda"},
        {"method": "irv"},  # three seats need STV
        {"seats": "1", "method": "stv"},
        {"nominations_close": "2026-02-01T09:00"},  # closes before it opens
        {"nominations_open": "yesterday"},
        {"nominators_required": "-1"},
        {"group": "999999"},
    ],
)
def test_it_refuses_bad_input_and_writes_nothing(changes: dict[str, str]) -> None:
    group, organiser = _organiser()
    data = {**GOOD, "group": group.pk, **changes}
    response = verified_client(organiser).post(reverse("selections:new"), data)
    assert response.status_code == 400
    assert not Selection.objects.exists()
