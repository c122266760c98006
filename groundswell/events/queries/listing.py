"""Reads of events that anyone may make: public, approved, upcoming events near a place."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db.models import OuterRef, QuerySet, Subquery
from django.utils import timezone

from groundswell.events.models import Approval, Event, EventStatus, Shift, Visibility
from groundswell.geo.distance import distance_km
from groundswell.geo.queries import within_km


@dataclass(frozen=True)
class NearbyEvent:
    event: Event
    next_shift: Shift
    distance_km: float


def listable_events() -> QuerySet[Event]:
    """Events anyone may see: public, approved and not cancelled."""
    return Event.objects.filter(visibility=Visibility.PUBLIC, approval=Approval.APPROVED).exclude(
        status=EventStatus.CANCELLED
    )


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
    each with that next shift and its distance. Two queries whatever the number of events."""
    if lat is None or lng is None:
        return []  # a place with no position (a BFPO address) is near nothing
    events = within_km(listable_events(), lat, lng, km)
    if kinds is not None:
        events = events.filter(kind__in=list(kinds))
    shifts = Shift.objects.filter(event=OuterRef("pk"), start__gte=start or timezone.now())
    if end is not None:
        shifts = shifts.filter(start__lt=end)
    first = shifts.order_by("start", "id")
    found = list(
        events.annotate(
            next_shift_id=Subquery(first.values("pk")[:1]),
            next_shift_start=Subquery(first.values("start")[:1]),
        )
        .filter(next_shift_id__isnull=False)
        .select_related("host_group")
        .order_by("next_shift_start", "distance_sq", "pk")[:limit]
    )
    next_shifts = Shift.objects.in_bulk([e.next_shift_id for e in found])  # type: ignore[attr-defined]
    nearby = [
        NearbyEvent(e, next_shifts[e.next_shift_id], _km(lat, lng, e))  # type: ignore[attr-defined]
        for e in found
    ]
    return nearby


def _km(lat: float, lng: float, event: Event) -> float:
    # within_km has already excluded events with no position.
    return distance_km(lat, lng, event.lat, event.lng)  # type: ignore[arg-type]
