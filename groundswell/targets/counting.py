"""Counting what a target seat has: canvassing sign-ups this week and upcoming canvassing sessions.

A sign-up counts for a seat when it is an accepted or waitlisted place, made (action_date) in the last 7 days,
on a shift of an approved, not cancelled canvassing event whose constituency is the seat. Each query is one
GROUP BY over the given seats, whatever their number.
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.timezone import localtime

from groundswell.events.models import (
    Approval,
    Attendance,
    AttendanceStatus,
    Event,
    EventKind,
    EventStatus,
    Shift,
    Visibility,
)

WEEK = timedelta(days=7)
COUNTED = (AttendanceStatus.ACCEPTED, AttendanceStatus.WAITLISTED)


def _canvassing(prefix: str) -> Q:
    return Q(
        **{
            f"{prefix}kind": EventKind.CANVASS,
            f"{prefix}approval": Approval.APPROVED,
        }
    ) & ~Q(**{f"{prefix}status": EventStatus.CANCELLED})


def signups_this_week(seat_ids: Collection[int], now: datetime) -> dict[int, int]:
    """seat id -> sign-ups made in the 7 days up to `now` (seats with none are absent)."""
    if not seat_ids:
        return {}
    rows = (
        Attendance.objects.filter(
            _canvassing("shift__event__"),
            status__in=COUNTED,
            action_date__gt=now - WEEK,
            action_date__lte=now,
            shift__event__constituency_id__in=list(seat_ids),
        )
        .order_by()
        .values_list("shift__event__constituency_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def upcoming_session_counts(seat_ids: Collection[int], now: datetime) -> dict[int, int]:
    """seat id -> canvassing shifts that have not started yet (any visibility)."""
    if not seat_ids:
        return {}
    rows = (
        Shift.objects.filter(
            _canvassing("event__"), start__gte=now, event__constituency_id__in=list(seat_ids)
        )
        .order_by()
        .values_list("event__constituency_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


@dataclass(frozen=True)
class Session:
    """One upcoming canvassing shift, as plain values so it can be cached."""

    event_id: int
    title: str
    place: str  # the venue, else the locality
    shift_id: int
    start: datetime
    end: datetime
    places_left: int
    # Worked out once when counted (the finder caches sessions), not on every page.
    when: str  # "Sat 4 Jul, 10:30–12:30", local time
    detail_url: str
    rsvp_url: str


def upcoming_sessions(
    seat_ids: Collection[int],
    now: datetime,
    per_seat: int = 3,
    events: QuerySet[Event] | None = None,
) -> dict[int, list[Session]]:
    """seat id -> its next `per_seat` canvassing shifts, soonest first, with the places left: among `events`
    (what the viewer may see), or public events when None. Two queries whatever the number of seats."""
    if not seat_ids:
        return {}
    shown = Q(event__in=events) if events is not None else Q(event__visibility=Visibility.PUBLIC)
    shifts = list(
        Shift.objects.filter(
            _canvassing("event__"),
            shown,
            start__gte=now,
            event__constituency_id__in=list(seat_ids),
        )
        .annotate(
            seat_rank=Window(
                RowNumber(),
                partition_by=[F("event__constituency_id")],
                order_by=[F("start").asc(), F("id").asc()],
            )
        )
        .filter(seat_rank__lte=per_seat)
        .select_related("event")
        .order_by("start", "id")
    )
    taken = _accepted_counts([shift.pk for shift in shifts])
    sessions: dict[int, list[Session]] = {}
    for shift in shifts:
        event = shift.event
        session = Session(
            event_id=event.pk,
            title=event.title,
            place=event.venue or event.locality,
            shift_id=shift.pk,
            start=shift.start,
            end=shift.end,
            places_left=max(0, shift.capacity - taken.get(shift.pk, 0)),
            when=_when(shift.start, shift.end),
            detail_url=reverse("events:detail", args=[event.pk]),
            rsvp_url=reverse("events:rsvp", args=[event.pk, shift.pk]),
        )
        assert event.constituency_id is not None  # filtered on it above
        sessions.setdefault(event.constituency_id, []).append(session)
    return sessions


def _when(start: datetime, end: datetime) -> str:
    start, end = localtime(start), localtime(end)
    return f"{format_date(start, 'D j M, H:i')}–{format_date(end, 'H:i')}"


def _accepted_counts(shift_ids: list[int]) -> dict[int, int]:
    if not shift_ids:
        return {}
    rows = (
        Attendance.objects.filter(shift_id__in=shift_ids, status=AttendanceStatus.ACCEPTED)
        .order_by()
        .values_list("shift_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)
