"""Choosing target seats: national organisers only; adding, editing, and adopting the most marginal seats."""

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.accounts.models import Role
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.events.tests.helpers import new_group
from groundswell.geo.models import Constituency
from groundswell.groups.models import Membership
from groundswell.targets.actions import adopt_seats, priority_for_margin
from groundswell.targets.models import Priority, Target
from groundswell.targets.queries import proposed_seats
from groundswell.targets.tests.helpers import make_target, seat

pytestmark = pytest.mark.django_db
MANAGE = reverse("targets:manage")


def national() -> Client:
    return signed_in_client(make_user(Role.NATIONAL_ORGANISER))


def organiser() -> Client:
    user = make_user()
    assert user.person is not None
    add_member(new_group(), user.person, Membership.Role.ORGANISER)
    return signed_in_client(user)


def outsiders() -> list[Client]:
    return [Client(), signed_in_client(make_user()), organiser()]


def test_only_national_roles_may_open_or_change_targets() -> None:
    hendon = make_target("Hendon", weekly_goal=10)
    poole = seat("Poole")
    for client in outsiders():
        assert client.get(MANAGE).status_code == 403
        assert client.post(reverse("targets:add"), {"seat": poole.pk, "priority": 1,
                                                    "weekly_goal": 5}).status_code == 403  # fmt: skip
        assert client.post(reverse("targets:adopt"), {"seats": [poole.pk],
                                                      "weekly_goal": 5}).status_code == 403  # fmt: skip
        edit = client.post(reverse("targets:edit", args=[hendon.pk]),
                           {"priority": 1, "weekly_goal": 99, "active": "on"})  # fmt: skip
        assert edit.status_code == 403
    assert Target.objects.count() == 1
    assert Target.objects.get().weekly_goal == 10
    for role in (Role.NATIONAL_ORGANISER, Role.DATA_OFFICER, Role.ADMIN):
        assert signed_in_client(make_user(role)).get(MANAGE).status_code == 200


def test_the_proposal_is_the_seats_with_the_smallest_2024_majority_share() -> None:
    proposed = proposed_seats(50)
    smallest = Constituency.objects.exclude(majority_pct=None).order_by("majority_pct")[:50]
    assert [s.pk for s in proposed] == [s.pk for s in smallest]
    assert [s.name for s in proposed[:2]] == ["Hendon", "Poole"]
    assert max(s.majority_pct or 0 for s in proposed) < 2.2


def test_seats_already_chosen_drop_out_of_the_proposal() -> None:
    make_target("Hendon")
    proposed = proposed_seats(50)
    assert "Hendon" not in [s.name for s in proposed]
    assert proposed[0].name == "Poole" and len(proposed) == 50


def test_adopting_the_proposal_makes_targets_with_priority_by_margin() -> None:
    client = national()
    page = client.get(MANAGE)
    ticked = [p["seat"].pk for p in page.context["proposals"]]
    assert len(ticked) == 50

    response = client.post(reverse("targets:adopt"), {"seats": ticked, "weekly_goal": 25})

    assert response.status_code == 302
    targets = Target.objects.select_related("constituency")
    assert targets.count() == 50 and {t.weekly_goal for t in targets} == {25}
    hendon = targets.get(constituency__name="Hendon")
    assert hendon.priority == Priority.TOP and hendon.active
    assert all(t.priority == priority_for_margin(t.constituency.majority_pct) for t in targets)
    assert "50 seats adopted" in client.get(MANAGE).content.decode()


def test_priority_follows_the_margin_band() -> None:
    assert priority_for_margin(0.04) == Priority.TOP
    assert priority_for_margin(1.9) == Priority.HIGH
    assert priority_for_margin(4.0) == Priority.NORMAL
    assert priority_for_margin(None) == Priority.NORMAL


def test_adopting_is_all_or_nothing() -> None:
    make_target("Hendon")
    response = national().post(
        reverse("targets:adopt"),
        {"seats": [seat("Poole").pk, seat("Hendon").pk], "weekly_goal": 20},
    )
    assert response.status_code == 400
    assert "Already targets: Hendon. Nothing was adopted." in response.content.decode()
    assert list(Target.objects.values_list("constituency__name", flat=True)) == ["Hendon"]


def test_searching_and_adding_one_seat() -> None:
    client = national()
    found = client.get(MANAGE, {"q": "poole"})
    assert [s.name for s in found.context["matches"]] == ["Poole", "Mid Dorset and North Poole"]
    response = client.post(
        reverse("targets:add"), {"seat": seat("Poole").pk, "priority": 1, "weekly_goal": 30}
    )
    assert response.status_code == 302
    target = Target.objects.get()
    assert (target.constituency.name, target.priority, target.weekly_goal) == ("Poole", 1, 30)
    assert target.created_by is not None and target.created_by.role == Role.NATIONAL_ORGANISER


def test_editing_a_target_and_pausing_it() -> None:
    target = make_target("Hendon", weekly_goal=10, priority=2)
    response = national().post(
        reverse("targets:edit", args=[target.pk]),
        {"priority": 1, "weekly_goal": 40, "notes": "  Knock up on Thursday  "},
    )
    assert response.status_code == 302
    target.refresh_from_db()
    assert (target.priority, target.weekly_goal, target.active) == (1, 40, False)
    assert target.notes == "Knock up on Thursday"


def test_a_paused_seat_added_again_is_switched_back_on() -> None:
    make_target("Hendon", active=False)
    national().post(reverse("targets:add"), {"seat": seat("Hendon").pk, "priority": 3,
                                             "weekly_goal": 8})  # fmt: skip
    target = Target.objects.get()
    assert (target.active, target.priority, target.weekly_goal) == (True, 3, 8)


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        (
            "targets:add",
            {"seat": "999999", "priority": 1, "weekly_goal": 5},
            "That seat does not exist",
        ),
        (
            "targets:add",
            {"seat": "Hendon", "priority": 1, "weekly_goal": 5},
            "That seat does not exist",
        ),
        (
            "targets:add",
            {"seat": "{poole}", "priority": 9, "weekly_goal": 5},
            "Select a valid choice",
        ),
        (
            "targets:add",
            {"seat": "{poole}", "priority": 1, "weekly_goal": 0},
            "greater than or equal to 1",
        ),
        (
            "targets:add",
            {"seat": "{poole}", "priority": 1, "weekly_goal": "lots"},
            "Enter a whole number",
        ),
        (
            "targets:add",
            {"seat": "{hendon}", "priority": 1, "weekly_goal": 5},
            "Hendon is already a target",
        ),
        ("targets:adopt", {"seats": [], "weekly_goal": 20}, "Tick at least one seat"),
        ("targets:adopt", {"seats": ["x", "{poole}"], "weekly_goal": 20}, "does not exist"),
        (
            "targets:adopt",
            {"seats": [str(n) for n in range(700)], "weekly_goal": 20},
            "at most 650",
        ),
        (
            "targets:adopt",
            {"seats": ["{poole}"], "weekly_goal": 10**9},
            "less than or equal to 10000",
        ),
        ("targets:edit", {"priority": "top", "weekly_goal": 5}, "Select a valid choice"),
        ("targets:edit", {"priority": 1, "weekly_goal": -3}, "greater than or equal to 1"),
        ("targets:edit", {"priority": 1, "weekly_goal": 5, "notes": "x" * 3000}, "at most 2000"),
    ],
)
def test_bad_input_gets_a_clear_message_and_writes_nothing(
    url: str, data: dict[str, Any], message: str
) -> None:
    hendon = make_target("Hendon", weekly_goal=10, priority=2)
    ids = {"{hendon}": str(seat("Hendon").pk), "{poole}": str(seat("Poole").pk)}
    data = {key: ids.get(value, value) if isinstance(value, str) else
            [ids.get(v, v) for v in value] if isinstance(value, list) else value
            for key, value in data.items()}  # fmt: skip
    args = [hendon.pk] if url == "targets:edit" else []
    before = list(Target.objects.values())

    response = national().post(reverse(url, args=args), data)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert list(Target.objects.values()) == before


def test_editing_a_target_that_does_not_exist_is_404() -> None:
    assert national().post(reverse("targets:edit", args=[424242]), {}).status_code == 404


def test_the_actions_refuse_outsiders_too() -> None:
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        adopt_seats(make_user(), [seat("Poole")])
    assert not Target.objects.exists()


def test_get_only_where_it_should_be() -> None:
    assert national().get(reverse("targets:add")).status_code == 405
    assert national().post(MANAGE).status_code == 405
