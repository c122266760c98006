"""Reads of upcoming events: each event once, with its first shift in a time window, near a place or anywhere.

The search is driven from the shifts: "the first shift of its event in the window" is a NOT EXISTS probe on the
shift's event, so the database can walk shifts in start order (index `shift_start`) or start from the events in
a bounding box (index `event_position`), whichever it judges cheaper, and stop at the page's last row.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
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


# What a row of results shows of an event (and its host group's name): not its long texts.
LISTED_FIELDS = (
    "title", "kind", "visibility", "venue", "locality", "postal_code", "lat", "lng", "host_group__name",
)  # fmt: skip


def by_first_start(events: QuerySet[Event], start: datetime, end: datetime) -> QuerySet[Event]:
    """`events` annotated with `first_start`, the start of their first shift in [start, end), soonest
    first (ties by event) and those with none last: slice, then stop at the first row without one.

    One index probe per event (index `shift_event_start`) and no join, so it stays cheap where thousands
    of events are near; `first_shifts_of` then fetches the page's shifts."""
    first = Shift.objects.filter(event=OuterRef("pk"), start__gte=start, start__lt=end)
    return events.annotate(
        first_start=Subquery(first.order_by("start").values("start")[:1])
    ).order_by(F("first_start").asc(nulls_last=True), "pk")


def first_shifts_of(event_ids: Iterable[int], start: datetime, end: datetime) -> dict[int, Shift]:
    """The first shift in [start, end) of each of these events, with its event (the listed fields), its
    host group and `taken` (places held): one query whatever the number of events."""
    taken = (
        Attendance.objects.filter(shift=OuterRef("pk"), status=AttendanceStatus.ACCEPTED)
        .order_by()
        .values("shift")
        .annotate(n=Count("pk"))
        .values("n")
    )
    shifts = (
        Shift.objects.filter(event__in=list(event_ids), start__gte=start, start__lt=end)
        .select_related("event__host_group")
        .only("event_id", "start", "end", "capacity", *(f"event__{f}" for f in LISTED_FIELDS))
        .annotate(taken=Coalesce(Subquery(taken, output_field=IntegerField()), 0))
        .order_by("-start", "-pk")
    )
    return {shift.event_id: shift for shift in shifts}  # the last written, the soonest, wins


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
