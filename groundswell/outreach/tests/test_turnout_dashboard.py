"""The turnout dashboard: committed (a place at the meeting, however they signed up) against the
number needed to win, with maybe, no and still-to-reach counts, among eligible members only."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import GroupFactory, add_member, verified_client
from groundswell.events.actions import rsvp_to_shift
from groundswell.outreach.actions.assignments import ordered_questions, start_assignment
from groundswell.outreach.actions.turnout import TurnoutSpec, create_turnout_drive
from groundswell.outreach.models import Answer, CallAssignment
from groundswell.outreach.queries.turnout import turnout_figures

from .call_helpers import callee, meeting, national

pytestmark = pytest.mark.django_db


def _drive(capacity: int = 100) -> tuple[CallAssignment, dict[str, list]]:  # type: ignore[type-arg]
    owner = national()
    branch = GroupFactory.create()
    shift = meeting(owner, capacity=capacity)

    def member(**kw):  # type: ignore[no-untyped-def]
        person = callee(membership_status="member", **kw)
        add_member(branch, person)
        return person

    crowd = {
        name: [member() for _ in range(n)]
        for name, n in (("yes", 3), ("maybe", 2), ("no", 1), ("quiet", 2))
    }
    crowd["unphoneable"] = [member(consent=False)]
    drive = create_turnout_drive(
        owner, TurnoutSpec(shift=shift, needed=10, group=None, members_of=branch)
    )
    start_assignment(drive)
    question = ordered_questions(drive)[0]
    now = timezone.now()
    for value in ("yes", "maybe", "no"):
        for person in crowd[value]:
            Answer.objects.create(person=person, question=question, value=value, answered_at=now)
    for person in crowd["yes"]:
        rsvp_to_shift(person, shift)
    rsvp_to_shift(callee(membership_status="member"), shift)  # not in the branch: not eligible
    return drive, crowd


def test_the_figures_count_eligible_members_only() -> None:
    drive, _ = _drive()
    figures = turnout_figures(drive)
    assert (figures.eligible, figures.committed, figures.needed) == (9, 3, 10)
    assert (figures.yes, figures.maybe, figures.no) == (3, 2, 1)
    assert (figures.unreached, figures.cannot_call) == (3, 1)
    assert (figures.percent, figures.gap) == (30, 7)


def test_a_full_meeting_shows_the_waitlisted() -> None:
    drive, _ = _drive(capacity=2)
    figures = turnout_figures(drive)
    # Two yeses got the places; the third is waitlisted (the outsider too, but is not counted).
    assert (figures.committed, figures.waitlisted, figures.yes) == (2, 1, 3)


def test_the_dashboard_shows_committed_against_needed_and_refreshes() -> None:
    drive, _ = _drive()
    client = verified_client(CallAssignment.objects.get(pk=drive.pk).created_by)
    url = reverse("outreach:turnout", args=[drive.pk])
    page = client.get(url).content.decode()
    assert (
        '<span class="stat" id="turnout-committed">3</span> committed of <strong id="turnout-needed">10</strong>'
        in page
    )
    assert 'aria-valuenow="30"' in page and "7 more needed." in page
    assert 'id="turnout-maybe">2<' in page and 'id="turnout-unreached">3<' in page
    with CaptureQueriesContext(connection) as ctx:
        live = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert live.lstrip().startswith('<div id="turnout-figures"')
    assert len(ctx.captured_queries) <= 20
