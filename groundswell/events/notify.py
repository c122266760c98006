"""Telling people what happened to events they care about. Each function only ENQUEUES background
work (django-tasks, see tasks.py) once the current transaction commits, so callers in actions stay
fast and nothing is sent for a write that rolled back. The tasks receive ids and load fresh rows.
"""

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from groundswell.events import tasks
from groundswell.events.models import Attendance, Event, Shift
from groundswell.events.reminders import WINDOWS

logger = logging.getLogger(__name__)


def _after_commit(enqueue: Callable[[], Any]) -> None:
    # robust: a queue that is down must not turn a sign-up that has committed into an error page.
    transaction.on_commit(enqueue, robust=True)


def rsvp_confirmed(attendance: Attendance) -> None:
    """After a sign-up (a place or the waitlist): the confirmation email — with the .ics, the check-in
    QR code, the instructions (places only) and the cancel link."""
    attendance_id, status = attendance.pk, str(attendance.status)
    _after_commit(lambda: tasks.send_rsvp_confirmation.enqueue(attendance_id, status))


def promoted(attendance: Attendance) -> None:
    """Someone moved off the waitlist into a place: tell them, as a confirmation."""
    attendance_id = attendance.pk
    _after_commit(lambda: tasks.send_promotion.enqueue(attendance_id))


def event_changed(event: Event, changes: list[str]) -> None:
    """The time or place changed: tell everyone with a place or on the waitlist. `changes` are short
    human sentences, e.g. ["The start moved from Sat 3 May 10:00 to Sat 3 May 11:00."]."""
    event_id, sentences = event.pk, [str(change) for change in changes]
    _after_commit(lambda: tasks.send_event_changed.enqueue(event_id, sentences))


def event_cancelled(event: Event) -> None:
    """The event is cancelled: tell everyone with a place or on the waitlist."""
    event_id = event.pk
    _after_commit(lambda: tasks.send_event_cancelled.enqueue(event_id))


def proposal_awaiting(event: Event) -> None:
    """A member proposed an event: tell the organisers who can approve it (the hosting group's
    organisers, else the national organisers)."""
    event_id = event.pk
    _after_commit(lambda: tasks.send_proposal_awaiting.enqueue(event_id))


def proposal_decided(event: Event) -> None:
    """Tell the member who proposed the event whether it was approved or turned down."""
    event_id = event.pk
    _after_commit(lambda: tasks.send_proposal_decided.enqueue(event_id))


def shifts_scheduled(shifts: Iterable[Shift]) -> None:
    """New shifts, or shifts whose time changed: schedule their reminders (a day and two hours before).

    Only where the task backend can defer (the database and RQ backends can); elsewhere the sweep
    (`manage.py send_event_reminders`, from cron or with --every) sends them. A run for a time the
    shift has since moved from finds nothing due and sends nothing."""
    starts = [(shift.pk, shift.start) for shift in shifts]  # read now: it may be a generator
    if starts and tasks.send_shift_reminders.get_backend().supports_defer:
        _after_commit(lambda: _schedule(starts))


def _schedule(starts: list[tuple[int, datetime]]) -> None:
    now = timezone.now()
    for shift_id, start in starts:
        if start <= now:
            continue
        # Each window at its opening; any window already open is served by one run now.
        for opens in sorted({max(start - window.lead, now) for window in WINDOWS}):
            task = tasks.send_shift_reminders
            (task.using(run_after=opens) if opens > now else task).enqueue(shift_id)
