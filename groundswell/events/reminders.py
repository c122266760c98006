"""Reminders a day and two hours before a shift, each sent at most once per place.

Rules:
- Only to accepted places on confirmed, approved events, and only before the shift starts.
- The "day" reminder is due from 24 hours before the start, the "hours" one from 2 hours before.
  When the hours one is due, the day one is no longer sent (one reminder, not two in a row).
- A reminder whose window opened before the person signed up is skipped: someone who signs up
  90 minutes before the start has just had the confirmation, with the same details.
- A reminder counts as sent for the shift's current time only: `reminded_*_at` earlier than the
  window's opening (the shift was moved later since) does not count, so the moved shift is
  reminded again. Nothing has to be reset when a shift moves.
- Each reminder is claimed by a conditional UPDATE on the attendance row before it is sent, so two
  workers sweeping at once send it once. A failed send gives the claim back for the next sweep.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from groundswell.events.emails import reminder_message, with_addresses
from groundswell.events.models import Approval, Attendance, AttendanceStatus, EventStatus

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Window:
    name: str  # "day" or "hours", as in the email
    lead: timedelta  # how long before the start it opens
    field: str  # the attendance column recording that it was sent


HOURS = Window("hours", timedelta(hours=2), "reminded_hours_at")
DAY = Window("day", timedelta(hours=24), "reminded_day_at")
WINDOWS = (HOURS, DAY)


def send_due_reminders(now: datetime | None = None, *, shift_id: int | None = None) -> int:
    """Send every reminder due at `now` (default: the current time), optionally for one shift only.
    Returns how many emails were sent."""
    now = now or timezone.now()
    sent = 0
    for window in WINDOWS:
        for attendance in due(window, now, shift_id):
            if claim(attendance, window, now):
                sent += _send(attendance, window, now)
    return sent


def due(window: Window, now: datetime, shift_id: int | None = None) -> QuerySet[Attendance]:
    """Places whose `window` reminder is due at `now` and not yet sent."""
    opened = F("shift__start") - window.lead
    places = Attendance.objects.filter(
        status=AttendanceStatus.ACCEPTED,
        shift__event__status=EventStatus.CONFIRMED,
        shift__event__approval=Approval.APPROVED,
        shift__start__gt=now,
        shift__start__lte=now + window.lead,
        action_date__lt=opened,
    ).filter(Q(**{f"{window.field}__isnull": True}) | Q(**{f"{window.field}__lt": opened}))
    if window is DAY:
        places = places.filter(shift__start__gt=now + HOURS.lead)  # the hours one is due instead
    if shift_id is not None:
        places = places.filter(shift_id=shift_id)
    return with_addresses(places).order_by("shift__start", "pk")


def claim(attendance: Attendance, window: Window, now: datetime) -> bool:
    """Mark the reminder sent, unless someone else did first. A single-table UPDATE whose WHERE
    PostgreSQL re-checks after waiting for a competing writer's lock."""
    opened = attendance.shift.start - window.lead
    unsent = Q(**{f"{window.field}__isnull": True}) | Q(**{f"{window.field}__lt": opened})
    claimed = Attendance.objects.filter(unsent, pk=attendance.pk, status=AttendanceStatus.ACCEPTED)
    return claimed.update(**{window.field: now}) == 1


def _send(attendance: Attendance, window: Window, now: datetime) -> int:
    try:
        message = reminder_message(attendance, window.name)
        return message.send() if message is not None else 0
    except Exception:
        logger.exception("Reminder for attendance %s failed; it will be retried", attendance.pk)
        Attendance.objects.filter(pk=attendance.pk, **{window.field: now}).update(
            **{window.field: None}
        )
        return 0


def mark_open_windows_sent(attendance: Attendance, now: datetime | None = None) -> None:
    """For a notice that already says everything a reminder would (a promotion off the waitlist):
    count the reminders whose window is already open as sent."""
    now = now or timezone.now()
    for window in WINDOWS:
        if attendance.shift.start - window.lead <= now:
            claim(attendance, window, now)
