"""The "find events" search: what this user may see, near a postcode or anywhere, in a date window, a page
at a time; events with only an online link listed apart. Also a group's public events for its embed page."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from groundswell.events.models import Event, Shift
from groundswell.events.queries.listing import (
    accepted_counts,
    by_first_start,
    first_shifts,
    first_shifts_of,
    km_to,
    listable_events,
    live,
)
from groundswell.events.queries.visibility import visible_events
from groundswell.geo.queries import within_km
from groundswell.groups.models import Group

ONLINE_LIMIT = 5


@dataclass(frozen=True)
class EventSearch:
    """What to look for. Without a position: everywhere, and nothing is measured."""

    start: datetime
    end: datetime
    lat: float | None = None
    lng: float | None = None
    km: float = 10
    kinds: tuple[str, ...] = ()

    @property
    def placed(self) -> bool:
        return self.lat is not None and self.lng is not None


@dataclass(frozen=True)
class FoundEvent:
    event: Event
    shift: Shift  # the event's first shift in the window
    places_left: int
    distance_km: float | None = None


@dataclass
class FoundEvents:
    placed: list[FoundEvent]  # events at a place, soonest first
    online: list[FoundEvent] = field(default_factory=list)  # events with only an online link
    has_next: bool = False


def find_events(user: Any, search: EventSearch, page: int = 1, per_page: int = 20) -> FoundEvents:
    """A page of the events `user` may see that match `search`; online-only events on the first page."""
    events = live(visible_events(user))
    if search.kinds:
        events = events.filter(kind__in=search.kinds)
    at_a_place = events.filter(lat__isnull=False, lng__isnull=False)
    if search.placed:
        at_a_place = within_km(at_a_place, search.lat, search.lng, search.km)
    start = max(search.start, timezone.now())  # a shift under way is no use to someone looking
    offset = (page - 1) * per_page
    placed = _soonest(at_a_place, start, search.end, offset, per_page + 1)
    online: list[int] = []
    if page == 1:
        online_only = events.filter(lat__isnull=True).exclude(online_url="")
        online = _soonest(online_only, start, search.end, 0, ONLINE_LIMIT)
    shifts = first_shifts_of(placed[:per_page] + online, start, search.end)
    return FoundEvents(
        placed=[_found(shifts[pk], search) for pk in placed[:per_page]],
        online=[_found(shifts[pk], search) for pk in online],
        has_next=len(placed) > per_page,
    )


def _soonest(
    events: QuerySet[Event], start: datetime, end: datetime, offset: int, n: int
) -> list[int]:
    """The ids of `n` events from `offset` in the order of their first shift in the window."""
    ordered = by_first_start(events, start, end)
    rows = ordered.values_list("pk", "first_start")[offset : offset + n]  # type: ignore[misc]
    return [pk for pk, first_start in rows if first_start is not None]


def _found(shift: Shift, search: EventSearch) -> FoundEvent:
    left = max(shift.capacity - shift.taken, 0)  # type: ignore[attr-defined]
    return FoundEvent(shift.event, shift, left, km_to(search.lat, search.lng, shift.event))


def group_public_events(group: Group, days: int = 90, limit: int = 20) -> list[FoundEvent]:
    """The group's public events with a shift in the next `days`, soonest first (for its embed page)."""
    now = timezone.now()
    shifts = list(
        first_shifts(listable_events().filter(host_group=group), now, now + timedelta(days=days))[
            :limit
        ]
    )
    counts = accepted_counts(shifts)
    return [FoundEvent(s.event, s, max(s.capacity - counts.get(s.pk, 0), 0)) for s in shifts]
