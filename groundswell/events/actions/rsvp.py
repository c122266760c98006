"""Signing up to a shift and cancelling, with a waitlist that never lets a shift overbook.

Each write locks the shift row before counting who is going, so simultaneous sign-ups queue on
PostgreSQL; on SQLite the IMMEDIATE transaction mode already lets only one writer in at a time.
"""

from typing import Any

from django.db import transaction
from django.utils import timezone

from groundswell.events import notify
from groundswell.events.actions.creating import EventError
from groundswell.events.models import Approval, Attendance, AttendanceStatus, EventStatus, Shift
from groundswell.people.actions import add_history
from groundswell.people.models import Person

ACCEPTED = AttendanceStatus.ACCEPTED
WAITLISTED = AttendanceStatus.WAITLISTED
CANCELLED = AttendanceStatus.CANCELLED


class RsvpRefused(EventError):
    """Why someone cannot sign up to this shift, fit to show them."""


def rsvp_to_shift(
    person: Person, shift: Shift, referrer_data: dict[str, Any] | None = None, actor: Any = None
) -> Attendance:
    """A place if one is free, else a place on the waitlist. Signing up twice changes nothing."""
    with transaction.atomic():
        locked = _locked(shift)
        _check_open(locked)
        existing = Attendance.objects.filter(shift=locked, person=person).first()
        if existing is not None and existing.status != CANCELLED:
            return existing
        status = ACCEPTED if _taken(locked) < locked.capacity else WAITLISTED
        attendance = _record(existing, locked, person, status, referrer_data or {})
        _note(attendance, actor)
        notify.rsvp_confirmed(attendance)
    return attendance


def cancel_rsvp(attendance: Attendance, actor: Any = None) -> Attendance | None:
    """Give up a place. Returns the waitlisted attendance promoted into it, if any, so the caller
    can tell that person they now have a place."""
    with transaction.atomic():
        shift = _locked(attendance.shift)
        current = Attendance.objects.get(pk=attendance.pk)
        if current.status == CANCELLED:
            return None
        held_place = current.status == ACCEPTED
        current.status = CANCELLED
        current.save(update_fields=["status"])
        attendance.status = CANCELLED
        _note(current, actor)
        if not held_place or shift.start <= timezone.now():
            return None
        promoted = _promote_next(shift, actor)
        if promoted is not None:
            notify.promoted(promoted)
        return promoted


def fill_from_waitlist(shift: Shift, actor: Any = None) -> list[Attendance]:
    """Move waitlisted people into the places a shift now has free (after its capacity grew), in
    the order they joined, telling each. Call inside a transaction holding the shift's row lock."""
    promoted: list[Attendance] = []
    if shift.start <= timezone.now():
        return promoted
    while (next_in := _promote_next(shift, actor)) is not None:
        notify.promoted(next_in)
        promoted.append(next_in)
    return promoted


def _locked(shift: Shift) -> Shift:
    return Shift.objects.select_for_update(of=("self",)).select_related("event").get(pk=shift.pk)


def _check_open(shift: Shift) -> None:
    event = shift.event
    if event.status == EventStatus.CANCELLED:
        raise RsvpRefused(f"{event.title} has been cancelled.")
    if event.approval != Approval.APPROVED:
        raise RsvpRefused(f"{event.title} is not open for sign-ups yet.")
    if shift.start <= timezone.now():
        raise RsvpRefused("This shift has already started, so it is too late to sign up.")


def _taken(shift: Shift) -> int:
    return Attendance.objects.filter(shift=shift, status=ACCEPTED).count()


def _record(
    existing: Attendance | None,
    shift: Shift,
    person: Person,
    status: str,
    referrer_data: dict[str, Any],
) -> Attendance:
    now = timezone.now()
    if existing is None:
        return Attendance.objects.create(
            shift=shift,
            person=person,
            status=status,
            queued_at=now,
            action_date=now,
            referrer_data=referrer_data,
        )
    # Coming back after cancelling joins the back of the queue.
    existing.status, existing.queued_at, existing.action_date = status, now, now
    existing.referrer_data = referrer_data or existing.referrer_data
    existing.save(update_fields=["status", "queued_at", "action_date", "referrer_data"])
    return existing


def _promote_next(shift: Shift, actor: Any) -> Attendance | None:
    if _taken(shift) >= shift.capacity:
        return None
    waiting = Attendance.objects.filter(shift=shift, status=WAITLISTED).order_by("queued_at", "id")
    promoted = waiting.select_related("person").first()
    if promoted is None:
        return None
    promoted.status = ACCEPTED
    promoted.save(update_fields=["status"])
    _note(promoted, actor, promoted_from_waitlist=True)
    return promoted


_SUMMARIES = {
    ACCEPTED: "Signed up for {event} on {start}",
    WAITLISTED: "On the waitlist for {event} on {start}",
    CANCELLED: "Cancelled their place at {event} on {start}",
}


def _note(attendance: Attendance, actor: Any, promoted_from_waitlist: bool = False) -> None:
    shift = attendance.shift
    start = timezone.localtime(shift.start).strftime("%-d %b %Y %H:%M")
    summary = _SUMMARIES[AttendanceStatus(attendance.status)].format(
        event=shift.event.title, start=start
    )
    if promoted_from_waitlist:
        summary = f"Moved off the waitlist: {summary[0].lower()}{summary[1:]}"
    kind = "rsvp_promoted" if promoted_from_waitlist else f"rsvp_{attendance.status}"
    add_history(
        attendance.person,
        kind,
        summary,
        actor,
        event_id=shift.event_id,
        shift_id=shift.pk,
        attendance_id=attendance.pk,
    )
