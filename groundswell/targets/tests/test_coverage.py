"""National coverage: each active target's sign-ups this week against its goal, from real attendances."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import Role
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.events.actions import cancel_rsvp, rsvp_to_shift
from groundswell.events.models import Event, EventStatus
from groundswell.events.tests.helpers import new_group, new_person, online_event
from groundswell.groups.models import Membership
from groundswell.targets.tests.helpers import canvass, make_target, sign_up

pytestmark = pytest.mark.django_db
URL = reverse("targets:coverage")


def national() -> Client:
    return signed_in_client(make_user(Role.NATIONAL_ORGANISER))


def rows_by_seat(response: Any) -> dict[str, Any]:
    return {row.seat.name: row for row in response.context["rows"]}


def test_sign_ups_this_week_are_counted_from_attendances_against_the_goal() -> None:
    make_target("Hendon", weekly_goal=10)
    make_target("Poole", weekly_goal=4)
    make_target("Basildon and Billericay", weekly_goal=5, active=False)
    hendon_shift = canvass("Hendon", capacity=3).shifts.get()
    sign_up(hendon_shift, 5)  # 3 places and 2 on the waitlist: all five count
    sign_up(hendon_shift, 2, days_ago=9)  # last week's
    cancelled = sign_up(canvass("Hendon").shifts.get(), 1)[0]
    cancel_rsvp(cancelled)
    called_off = canvass("Hendon", title="Called off")
    sign_up(called_off.shifts.get(), 2)
    Event.objects.filter(pk=called_off.pk).update(status=EventStatus.CANCELLED)
    meeting = online_event(title="Hendon meeting", kind="meeting")
    Event.objects.filter(pk=meeting.pk).update(constituency=hendon_shift.event.constituency)
    sign_up(meeting.shifts.get(), 1)  # not canvassing
    sign_up(canvass("Poole", start=timezone.now() + timedelta(days=3)).shifts.get(), 4)

    response = national().get(URL)

    assert response.status_code == 200
    rows = rows_by_seat(response)
    assert set(rows) == {"Hendon", "Poole"}
    assert (rows["Hendon"].signups, rows["Hendon"].gap, rows["Hendon"].percent) == (5, 5, 50)
    assert (rows["Poole"].signups, rows["Poole"].gap, rows["Poole"].percent) == (4, 0, 100)
    assert rows["Hendon"].upcoming == 2  # the cancelled event's session does not count
    assert rows["Poole"].upcoming == 1
    assert [row.seat.name for row in response.context["rows"]] == ["Hendon", "Poole"]
    page = response.content.decode()
    assert '9</div><div class="stat-label">sign-ups this week, of 14 wanted' in page
    assert response.context["map_data"]["seats"][0]["label"] == "Hendon: 5 of 10 this week"


def test_the_worst_gaps_come_first() -> None:
    make_target("Hendon", weekly_goal=10)  # 8 of 10
    make_target("Poole", weekly_goal=10)  # 0 of 10
    make_target("Basildon and Billericay", weekly_goal=2)  # 1 of 2
    sign_up(canvass("Hendon", capacity=20).shifts.get(), 8)
    sign_up(canvass("Basildon and Billericay").shifts.get(), 1)
    order = [row.seat.name for row in national().get(URL).context["rows"]]
    assert order == ["Poole", "Basildon and Billericay", "Hendon"]


def test_organisers_may_see_coverage_but_members_and_visitors_may_not() -> None:
    make_target("Hendon")
    user = make_user()
    assert user.person is not None
    add_member(new_group(), user.person, Membership.Role.ORGANISER)
    assert signed_in_client(user).get(URL).status_code == 200
    assert signed_in_client(make_user()).get(URL).status_code == 403
    assert Client().get(URL).status_code == 403


def test_coverage_shows_no_personal_data() -> None:
    make_target("Hendon")
    volunteer = new_person(given_name="Zebedee", family_name="Quillfeather")
    rsvp_to_shift(volunteer, canvass("Hendon").shifts.get())
    response = national().get(URL)
    assert rows_by_seat(response)["Hendon"].signups == 1
    page = response.content.decode()
    assert "Zebedee" not in page and "Quillfeather" not in page
    assert volunteer.emails.get().address not in page


def test_coverage_takes_the_same_few_queries_for_many_targets(
    django_assert_max_num_queries: Any,
) -> None:
    for name in ("Hendon", "Poole", "Basildon and Billericay", "Finchley and Golders Green"):
        make_target(name)
        sign_up(canvass(name).shifts.get(), 2)
    client = national()
    client.get(URL)
    # session, user, organised groups (menu), the targets, sign-ups, upcoming sessions
    with django_assert_max_num_queries(7):
        assert client.get(URL).status_code == 200
