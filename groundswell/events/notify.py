"""Telling people what happened to events they care about. Each function only ENQUEUES background
work (django-tasks) once the current transaction commits, so callers in actions stay fast and
nothing is sent for a write that rolled back.

PLACEHOLDER: the bodies are being written; the signatures are the contract callers rely on.
"""

from collections.abc import Iterable

from groundswell.events.models import Attendance, Event, Shift


def rsvp_confirmed(attendance: Attendance) -> None:
    """After a sign-up (a place or the waitlist): the confirmation email — with the .ics, the check-in
    QR code, the instructions (places only) and the cancel link."""


def promoted(attendance: Attendance) -> None:
    """Someone moved off the waitlist into a place: tell them, as a confirmation."""


def event_changed(event: Event, changes: list[str]) -> None:
    """The time or place changed: tell everyone with a place or on the waitlist. `changes` are short
    human sentences, e.g. ["The start moved from Sat 3 May 10:00 to Sat 3 May 11:00."]."""


def event_cancelled(event: Event) -> None:
    """The event is cancelled: tell everyone with a place or on the waitlist."""


def proposal_awaiting(event: Event) -> None:
    """A member proposed an event: tell the organisers who can approve it (the hosting group's
    organisers, else the national organisers)."""


def proposal_decided(event: Event) -> None:
    """Tell the member who proposed the event whether it was approved or turned down."""


def shifts_scheduled(shifts: Iterable[Shift]) -> None:
    """New shifts, or shifts whose time changed: schedule their reminders (a day and two hours before)."""
