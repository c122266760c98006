"""Setting up a turnout drive for an AGM: the organiser picks the meeting, who is eligible (members
in a seat or a group, joined by the cut-off) and how many must come; the drive calls exactly the
eligible members and asks "Will you come?", and a yes is a place at the meeting."""

from datetime import date, timedelta
from typing import Any

import pytest
from django.urls import reverse

from groundswell.core.testing import GroupFactory, add_member, verified_client
from groundswell.events.models import Attendance
from groundswell.events.tests.helpers import online_event, only_shift
from groundswell.geo.models import Constituency
from groundswell.outreach.actions.assignments import (
    AssignmentError,
    ordered_questions,
    start_assignment,
)
from groundswell.outreach.actions.turnout import TurnoutSpec, create_turnout_drive
from groundswell.outreach.models import CallAssignment, CallQueueEntry

from .call_helpers import (
    as_person,
    callee,
    meeting,
    national,
    outcome_url,
    served,
    signed_in,
    volunteer,
)

pytestmark = pytest.mark.django_db

CUT_OFF = date(2025, 1, 31)


def _seats() -> tuple[Constituency, Constituency]:
    first, second = Constituency.objects.order_by("pk")[:2]
    return first, second


def _electorate(seat: Constituency, elsewhere: Constituency) -> dict[str, Any]:
    return {
        "eligible": callee(
            constituency=seat,
            membership_status="member",
            member_since=CUT_OFF - timedelta(days=400),
        ),
        "on_the_day": callee(constituency=seat, membership_status="member", member_since=CUT_OFF),
        "too_late": callee(
            constituency=seat, membership_status="member", member_since=CUT_OFF + timedelta(days=1)
        ),
        "supporter": callee(constituency=seat, membership_status="supporter", member_since=None),
        "elsewhere": callee(
            constituency=elsewhere, membership_status="member", member_since=date(2020, 1, 1)
        ),
    }


def test_an_organiser_sets_up_a_drive_from_the_meeting() -> None:
    owner = national()
    seat, elsewhere = _seats()
    shift = meeting(owner)
    people = _electorate(seat, elsewhere)
    ada = volunteer()
    form = {
        "shift": shift.pk, "needed": "40", "group": "", "area": "constituency", "constituency": seat.pk,
        "joined_before": CUT_OFF.isoformat(), "callers": ada.email, "name": "",
    }  # fmt: skip
    url = f"{reverse('outreach:turnout_new')}?event={shift.event_id}"
    response = verified_client(owner).post(url, form)
    drive = CallAssignment.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "outreach:turnout", args=[drive.pk]
    )
    assert (drive.kind, drive.event_id, drive.needed, drive.name) == (
        "turnout",
        shift.event_id,
        40,
        "Turnout: Hackney South AGM",
    )
    assert drive.audience.definition == {"all": [
        {"filter": "membership", "status": "member"},
        {"filter": "constituency", "constituency": seat.pk},
        {"filter": "joined", "after": None, "before": CUT_OFF.isoformat()},
    ]}  # fmt: skip
    (question,) = ordered_questions(drive)
    assert question.kind == "event_rsvp" and question.shift == shift
    assert question.text.startswith("Will you come to Hackney South AGM on ")
    assert drive.goal_question == question and drive.goal_values == []
    start_assignment(drive)
    queued = set(
        CallQueueEntry.objects.filter(assignment=drive).values_list("person_id", flat=True)
    )
    assert queued == {people["eligible"].pk, people["on_the_day"].pk}


def test_members_of_a_group_can_be_the_electorate() -> None:
    owner = national()
    branch = GroupFactory.create(name="Dalston branch")
    inside, outside = callee(membership_status="member"), callee(membership_status="member")
    add_member(branch, inside)
    drive = create_turnout_drive(
        owner, TurnoutSpec(shift=meeting(owner), needed=10, group=None, members_of=branch)
    )
    start_assignment(drive)
    assert list(
        CallQueueEntry.objects.filter(assignment=drive).values_list("person_id", flat=True)
    ) == [inside.pk]
    assert outside.pk not in CallQueueEntry.objects.values_list("person_id", flat=True)


def test_a_yes_on_the_call_is_a_place_and_any_answer_is_done() -> None:
    owner = national()
    shift = meeting(owner)
    yes, no = callee(membership_status="member"), callee(membership_status="member")
    ada = volunteer()
    drive = create_turnout_drive(
        owner, TurnoutSpec(shift=shift, needed=2, group=None, callers=[as_person(ada)])
    )
    start_assignment(drive)
    field = f"q{ordered_questions(drive)[0].pk}"
    for value in ("yes", "no"):
        entry = served(drive, ada)
        assert entry is not None
        signed_in(ada).post(outcome_url(entry), {"outcome": "answered", "round": "0", field: value})
    assert list(Attendance.objects.filter(shift=shift).values_list("person_id", "status")) == [
        (yes.pk, "accepted")
    ]
    assert set(CallQueueEntry.objects.values_list("done", "done_reason")) == {(True, "goal_met")}
    assert no.pk in CallQueueEntry.objects.values_list("person_id", flat=True)


def test_only_meetings_can_have_a_turnout_drive() -> None:
    owner = national()
    canvass = only_shift(online_event(owner, kind="canvass"))
    with pytest.raises(AssignmentError, match="for meetings"):
        create_turnout_drive(owner, TurnoutSpec(shift=canvass, needed=5, group=None))
    page = verified_client(owner).get(f"{reverse('outreach:turnout_new')}?event={canvass.event_id}")
    assert "Choose the AGM" in page.content.decode()  # not offered: back to choosing a meeting


def test_the_form_explains_a_missing_area() -> None:
    owner = national()
    shift = meeting(owner)
    url = f"{reverse('outreach:turnout_new')}?event={shift.event_id}"
    response = verified_client(owner).post(
        url, {"shift": shift.pk, "needed": "5", "area": "constituency"}
    )
    assert response.status_code == 400
    assert "Choose the constituency." in response.content.decode()
    assert not CallAssignment.objects.exists()
