"""Reads of upcoming events: each event once, with its first shift in a time window, near a place or anywhere.

The search is driven from the shifts: "the first shift of its event in the window" is a NOT EXISTS probe on the
shift's event, so the database can walk shifts in start order (index `shift_start`) or start from the events in
a bounding box (index `event_position`), whichever it judges cheaper, and stop at the page's last row.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from groundswell.events.models import (
    Approval,
    Attendance,
    AttendanceStatus,
    Event,
    EventStatus,
    Shift,
    Visibility,
)
from groundswell.geo.distance import distance_km
from groundswell.geo.queries import within_km


@dataclass(frozen=True)
class NearbyEvent:
    event: Event
    next_shift: Shift
    distance_km: float


def listable_events() -> QuerySet[Event]:
    """Events anyone may see: public, approved and not cancelled."""
    return live(Event.objects.filter(visibility=Visibility.PUBLIC))


def live(events: QuerySet[Event]) -> QuerySet[Event]:
    """Of these events, those that are going ahead: approved and not cancelled."""
    return events.filter(approval=Approval.APPROVED).exclude(status=EventStatus.CANCELLED)


def first_shifts(events: QuerySet[Event], start: datetime, end: datetime | None) -> QuerySet[Shift]:
    """The first shift starting in [start, end) of each of `events` that has one, soonest first, with
    its event and host group. One row per event, so slicing pages through events."""
    in_window = Q(start__gte=start) if end is None else Q(start__gte=start, start__lt=end)
    earlier = Shift.objects.filter(in_window, event=OuterRef("event")).filter(
        Q(start__lt=OuterRef("start")) | Q(start=OuterRef("start"), pk__lt=OuterRef("pk"))
    )
    return (
        Shift.objects.filter(in_window, event__in=events)
        .exclude(Exists(earlier))
        .select_related("event__host_group")
        .order_by("start", "pk")
    )


def accepted_counts(shifts: Iterable[Shift]) -> dict[int, int]:
    """How many people hold a place on each shift: one query whatever the number of shifts."""
    rows = (
        Attendance.objects.filter(
            shift__in=[s.pk for s in shifts], status=AttendanceStatus.ACCEPTED
        )
        .values_list("shift_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)


def km_to(lat: float | None, lng: float | None, event: Event) -> float | None:
    """Distance from (lat, lng) to the event's place; None when either has no position."""
    if lat is None or lng is None or event.lat is None or event.lng is None:
        return None
    return distance_km(lat, lng, event.lat, event.lng)


def upcoming_events_near(
    lat: float | None,
    lng: float | None,
    km: float,
    kinds: Iterable[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    limit: int = 200,
) -> list[NearbyEvent]:
    """Listable events within `km` with a shift starting in [start (default now), end), soonest first,
    each with that next shift and its distance. One query whatever the number of events."""
    if lat is None or lng is None:
        return []  # a place with no position (a BFPO address) is near nothing
    events = within_km(listable_events(), lat, lng, km)
    if kinds is not None:
        events = events.filter(kind__in=list(kinds))
    shifts = first_shifts(events, start or timezone.now(), end)[:limit]
    return [NearbyEvent(s.event, s, km_to(lat, lng, s.event) or 0.0) for s in shifts]
