"""Organisers changing an event after it is published, or calling it off; the people signed up
are told when the time or the place changes, and when it is cancelled."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from groundswell.events import notify
from groundswell.events.actions.creating import (
    EventError,
    _check_lengths,
    _checked_fields,
    _checked_shift,
    _place,
    _place_fields,
)
from groundswell.events.actions.rsvp import fill_from_waitlist
from groundswell.events.models import Attendance, AttendanceStatus, Event, EventStatus, Shift
from groundswell.events.queries.visibility import can_manage_event
from groundswell.people.models import HistoryEvent

# (the id of a shift of this event, or None for a new shift; start; end; capacity)
ShiftEdit = tuple[int | None, datetime, datetime, int]

EDITABLE = frozenset({
    "title", "kind", "visibility", "description", "venue", "address_lines", "locality",
    "postal_code", "online_url", "instructions", "contact_name", "contact_email",
})  # fmt: skip
_PLACE = ("venue", "address_lines", "locality", "postal_code")
SIGNED_UP = (AttendanceStatus.ACCEPTED, AttendanceStatus.WAITLISTED)


def update_event(
    actor: Any, event: Event, *, shifts: Sequence[ShiftEdit] = (), **changes: Any
) -> list[str]:
    """Apply the changes (any of EDITABLE) and the shift edits (existing shifts changed, new ones
    added), all or nothing. Returns the sentences sent to the people signed up: empty when neither
    the time nor the place changed."""
    _check_may_change(actor, event)
    unknown = set(changes) - EDITABLE
    if unknown:
        raise TypeError(f"update_event() got unexpected fields: {', '.join(sorted(unknown))}")
    with transaction.atomic():
        locked = (
            Event.objects.select_for_update(of=("self",))
            .select_related("host_group")
            .get(pk=event.pk)
        )
        sentences = _apply_details(locked, changes)
        locked.save()
        times, scheduled = _apply_shifts(locked, shifts, actor)
        sentences += times
        if sentences:
            notify.event_changed(locked, sentences)
        if scheduled:
            notify.shifts_scheduled(scheduled)
    event.refresh_from_db()
    return sentences


def cancel_event(actor: Any, event: Event) -> Event:
    """Call the event off: sign-ups close, everyone with a place or on the waitlist is told and it
    goes on their history. Their attendances are kept, as the record of who had signed up."""
    _check_may_manage(actor, event)
    with transaction.atomic():
        locked = Event.objects.select_for_update().get(pk=event.pk)
        if locked.status == EventStatus.CANCELLED:
            return locked
        locked.status = EventStatus.CANCELLED
        locked.save(update_fields=["status", "modified_at"])
        _note_cancelled(locked, actor)
        notify.event_cancelled(locked)
    event.refresh_from_db()
    return event


def _check_may_manage(actor: Any, event: Event) -> None:
    if not can_manage_event(actor, event):
        raise PermissionDenied("Only the event's organisers can change it.")


def _check_may_change(actor: Any, event: Event) -> None:
    _check_may_manage(actor, event)
    if event.status == EventStatus.CANCELLED:
        raise EventError("This event has been cancelled, so it can no longer be changed.")


def _apply_details(event: Event, changes: dict[str, Any]) -> list[str]:
    before = {name: getattr(event, name) for name in (*_PLACE, "online_url")}
    merged = {name: changes.get(name, getattr(event, name)) for name in EDITABLE}
    passed = {n: merged[n] for n in ("description", "venue", "address_lines", "locality",
                                     "instructions", "contact_name", "contact_email")}  # fmt: skip
    fields = _checked_fields(
        str(merged["title"]), merged["kind"], merged["visibility"], event.host_group, passed
    )
    _check_lengths({"online_url": merged["online_url"]})
    for name, value in fields.items():
        setattr(event, name, value)
    event.visibility = merged["visibility"]
    postal_code, online_url = str(merged["postal_code"]), str(merged["online_url"]).strip()
    if postal_code != event.postal_code or online_url != event.online_url:
        place = _place(postal_code, online_url)
        event.postal_code, event.lat, event.lng, event.constituency_id = "", None, None, None
        for name, value in _place_fields(place).items():
            setattr(event, name, value)
        event.online_url = online_url
    return _place_sentences(before, event)


def _place_sentences(before: dict[str, Any], event: Event) -> list[str]:
    sentences = []
    if any(before[name] != getattr(event, name) for name in _PLACE):
        where = [event.venue, *event.address_lines, event.locality, event.postal_code]
        place = ", ".join(part for part in where if part)
        sentences.append(f"The place is now: {place}." if place else "It no longer has a place.")
    if before["online_url"] != event.online_url:
        sentences.append(
            "The online link has changed."
            if event.online_url
            else "It no longer has an online link."
        )
    return sentences


def _apply_shifts(
    event: Event, edits: Sequence[ShiftEdit], actor: Any
) -> tuple[list[str], list[Shift]]:
    """Returns the sentences about changed times, and the shifts whose reminders to (re)schedule."""
    ids = [shift_id for shift_id, *_ in edits if shift_id is not None]
    # Locked before counting (PostgreSQL cannot lock a grouped query), so no sign-up slips in
    # between the count and the new capacity.
    current = {
        s.pk: s
        for s in Shift.objects.select_for_update(of=("self",)).filter(event=event, pk__in=ids)
    }
    going = dict(
        Attendance.objects.filter(shift__in=list(current), status=AttendanceStatus.ACCEPTED)
        .order_by()
        .values_list("shift")
        .annotate(n=Count("pk"))
        .values_list("shift", "n")
    )
    sentences: list[str] = []
    scheduled: list[Shift] = []
    for shift_id, start, end, capacity in edits:
        start, end, capacity = _checked_shift(start, end, capacity)
        if shift_id is None:
            scheduled.append(
                Shift.objects.create(event=event, start=start, end=end, capacity=capacity)
            )
            continue
        if shift_id not in current:
            raise EventError("One of those shifts is not part of this event.")
        moved = _change_shift(
            current[shift_id], (start, end, capacity), going.get(shift_id, 0), actor
        )
        if moved:
            sentences.append(moved)
            scheduled.append(current[shift_id])
    return sentences, scheduled


def _change_shift(
    shift: Shift, spec: tuple[datetime, datetime, int], going: int, actor: Any
) -> str:
    start, end, capacity = spec
    if capacity < going:
        raise EventError(
            f"{going} people have a place on the shift on {when(shift.start, shift.end)}, so its "
            f"capacity cannot go below {going}. Cancel some places first, or add another shift."
        )
    sentence = ""
    if (start, end) != (shift.start, shift.end):
        sentence = f"The shift on {when(shift.start, shift.end)} now runs {when(start, end)}."
    grew = capacity > shift.capacity
    shift.start, shift.end, shift.capacity = start, end, capacity
    shift.save(update_fields=["start", "end", "capacity"])
    if grew:
        fill_from_waitlist(shift, actor)
    return sentence


def when(start: datetime, end: datetime) -> str:
    """e.g. "Sat 3 May 2025, 10:00–12:00" in local (Europe/London) time."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    day = f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}"
    if end.date() == start.date():
        return f"{day}–{end:%H:%M}"
    return f"{day} to {end:%a} {end.day} {end:%b}, {end:%H:%M}"


def _note_cancelled(event: Event, actor: Any) -> None:
    places = Attendance.objects.filter(shift__event=event, status__in=SIGNED_UP).select_related(
        "shift"
    )
    now = timezone.now()
    HistoryEvent.objects.bulk_create(
        HistoryEvent(
            person_id=place.person_id,
            kind="event_cancelled",
            summary=f"The event {event.title} on {when(place.shift.start, place.shift.end)} was cancelled"[
                :300
            ],
            actor=actor if getattr(actor, "is_authenticated", False) else None,
            at=now,
            data={"event_id": event.pk, "shift_id": place.shift_id, "attendance_id": place.pk},
        )
        for place in places
    )
