"""Change and cancellation notices to everyone signed up, proposals to the organisers who decide
them, and reminders scheduled for new or moved shifts."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks import default_task_backend
from icalendar import Calendar

from groundswell.accounts.models import Role
from groundswell.core.testing import add_member, make_user
from groundswell.events import notify
from groundswell.events.calendar import shift_calendar
from groundswell.events.models import Event, Shift
from groundswell.events.tasks import send_shift_reminders
from groundswell.groups.models import Membership

from .helpers import new_group, new_person, only_shift
from .notify_helpers import calendar_in, calendar_part, only_vevent, place, placed_event, sent_to

pytestmark = pytest.mark.django_db
Capture = Callable[..., AbstractContextManager[Any]]


def test_a_change_reaches_places_and_the_waitlist_with_the_changes_listed(
    django_capture_on_commit_callbacks: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    shift = only_shift(placed_event(capacity=1))
    going, waiting = place(shift), place(shift, status="waitlisted")
    gone = place(shift, status="cancelled")
    first_sequence = int(str(only_vevent(Calendar.from_ical(shift_calendar(shift)))["sequence"]))
    later = timezone.now() + timedelta(minutes=10)
    monkeypatch.setattr(timezone, "now", lambda: later)
    shift.event.venue = "The Old Baths"
    shift.event.save()  # as the edit action does, before it notifies
    with django_capture_on_commit_callbacks(execute=True):
        notify.event_changed(shift.event, ["The place moved from Round Chapel to The Old Baths."])
    assert sent_to(gone.person) == []
    [to_going] = sent_to(going.person)
    [to_waiting] = sent_to(waiting.person)
    for message in (to_going, to_waiting):
        assert "- The place moved from Round Chapel to The Old Baths." in str(message.body)
        assert "Where: The Old Baths" in str(message.body)
    vevent = only_vevent(calendar_in(to_going))
    assert int(str(vevent["sequence"])) > first_sequence
    assert str(vevent["location"]).startswith("The Old Baths")
    assert calendar_part(to_waiting) is None
    assert "side bell" not in str(to_waiting.body)


def test_people_on_shifts_that_have_ended_hear_nothing_of_a_change(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    event = placed_event()
    past = Shift.objects.create(
        event=event,
        start=timezone.now() - timedelta(days=2),
        end=timezone.now() - timedelta(days=2, hours=-2),
        capacity=5,
    )
    was_there = place(past)
    coming = place(event.shifts.filter(start__gt=timezone.now()).get())
    with django_capture_on_commit_callbacks(execute=True):
        notify.event_changed(event, ["The start moved."])
    assert sent_to(was_there.person) == []
    assert len(sent_to(coming.person)) == 1


def test_a_cancellation_reaches_everyone_signed_up_with_a_cancel_ics_for_places(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event(capacity=1))
    going, waiting = place(shift), place(shift, status="waitlisted")
    gone = place(shift, status="cancelled")
    Event.objects.filter(pk=shift.event_id).update(status="cancelled")
    with django_capture_on_commit_callbacks(execute=True):
        notify.event_cancelled(shift.event)
    assert sent_to(gone.person) == []
    [to_going] = sent_to(going.person)
    [to_waiting] = sent_to(waiting.person)
    assert to_going.subject == "Groundswell: Cancelled: Canvass, leaflets; and tea"
    assert "has been cancelled" in str(to_waiting.body)
    part = calendar_part(to_going)
    assert part is not None and part.get_param("method") == "CANCEL"
    calendar = calendar_in(to_going)
    assert str(calendar["method"]) == "CANCEL"
    assert str(only_vevent(calendar)["status"]) == "CANCELLED"
    assert calendar_part(to_waiting) is None


def test_a_proposal_goes_to_the_hosting_groups_organisers_only(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    group = new_group(name="Hackney for Change")
    organiser, member, proposer = new_person(), new_person(), new_person(given_name="Priya")
    add_member(group, organiser, Membership.Role.ORGANISER)
    add_member(group, member)
    add_member(group, proposer)
    national = make_user(Role.NATIONAL_ORGANISER)
    event = _proposal(group, proposer)
    with django_capture_on_commit_callbacks(execute=True):
        notify.proposal_awaiting(event)
    [message] = sent_to(organiser)
    assert sent_to(member) == [] and sent_to(proposer) == []
    assert all(national.email not in m.to for m in mail.outbox)
    assert "Event awaiting approval" in message.subject
    assert "for Hackney for Change" in str(message.body)
    assert "/events/approvals/" in str(message.body)


def _proposal(group: Any, proposer: Any) -> Event:
    event = placed_event(host_group=group, actor=make_user(person=proposer))
    assert event.approval == "awaiting"
    return event


def test_a_proposal_with_no_reachable_group_organiser_goes_to_every_national_organiser(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    group = new_group()
    proposer = new_person()
    add_member(group, proposer)
    nationals = [make_user(Role.NATIONAL_ORGANISER) for _ in range(2)]
    make_user(Role.DATA_OFFICER)
    event = _proposal(group, proposer)
    with django_capture_on_commit_callbacks(execute=True):
        notify.proposal_awaiting(event)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in nationals)


def test_a_proposal_decided_before_the_email_goes_asks_nobody(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    group = new_group()
    proposer = new_person()
    add_member(group, proposer)
    make_user(Role.NATIONAL_ORGANISER)
    event = _proposal(group, proposer)
    Event.objects.filter(pk=event.pk).update(approval="approved")
    with django_capture_on_commit_callbacks(execute=True):
        notify.proposal_awaiting(event)
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("approval", "said"), [("approved", "has been approved"), ("rejected", "was not approved")]
)
def test_the_proposer_hears_the_decision(
    django_capture_on_commit_callbacks: Capture, approval: str, said: str
) -> None:
    group = new_group()
    proposer = new_person(given_name="Priya")
    add_member(group, proposer)
    event = _proposal(group, proposer)
    Event.objects.filter(pk=event.pk).update(approval=approval)
    with django_capture_on_commit_callbacks(execute=True):
        notify.proposal_decided(event)
    [message] = mail.outbox
    assert message.to == [proposer.emails.get().address]
    assert said in str(message.body)
    assert (f"/events/{event.pk}/" in str(message.body)) == (approval == "approved")


DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@override_settings(TASKS=DUMMY)
def test_reminders_are_scheduled_a_day_and_two_hours_before_where_the_backend_defers(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    start = timezone.now() + timedelta(days=3)
    soon = timezone.now() + timedelta(hours=1)
    later, near = only_shift(placed_event(start=start)), only_shift(placed_event(start=soon))
    default_task_backend.clear()  # type: ignore[attr-defined]
    with django_capture_on_commit_callbacks(execute=True):
        notify.shifts_scheduled(iter([later, near]))
    results = default_task_backend.results  # type: ignore[attr-defined]
    assert all(r.task.func is send_shift_reminders.func for r in results)
    scheduled = sorted((r.args[0], r.task.run_after) for r in results if r.args[0] == later.pk)
    assert scheduled == [
        (later.pk, later.start - timedelta(hours=24)),
        (later.pk, later.start - timedelta(hours=2)),
    ]
    # Both windows of the near shift are already open: one run straight away.
    assert [(r.args[0], r.task.run_after) for r in results if r.args[0] == near.pk] == [
        (near.pk, None)
    ]


def test_without_a_deferring_backend_nothing_is_scheduled(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event())
    place(shift, signed_up=timezone.now() - timedelta(days=7))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        notify.shifts_scheduled([shift])
    assert callbacks == [] and mail.outbox == []
