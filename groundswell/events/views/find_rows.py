"""What the find-events list, its map and the embed page show for each event, worked out once in Python.

Formatting here rather than with template filters keeps a page of results cheap to render (it is the busiest
page on a campaign night), and gives the list and the map's markers the very same words."""

from dataclasses import asdict, dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date

from groundswell.events.models import Visibility
from groundswell.events.queries.finding import FoundEvent

_AUDIENCE = {Visibility.MEMBERS: "Members only", Visibility.GROUP: "Group members only"}


@dataclass(frozen=True)
class EventRow:
    url: str
    title: str
    kind: str  # the kind's label, e.g. "Canvassing session"
    audience: str  # "" for public events
    when: str  # e.g. "Sat 6 Dec, 10:00–12:00", UK time
    iso: str  # the start, for <time datetime>
    place: str  # "Online" or "venue, locality, postcode"
    distance: str  # e.g. "2.3 km", or ""
    host: str
    places: str  # "5 places left" or "Full: join the waitlist"
    full: bool
    lat: float | None
    lng: float | None


def event_row(found: FoundEvent) -> EventRow:
    event, start, end = found.event, timezone.localtime(found.shift.start), found.shift.end
    place = ", ".join(p for p in (event.venue, event.locality, event.postal_code) if p)
    left = found.places_left
    return EventRow(
        url=reverse("events:detail", args=[event.pk]),
        title=event.title,
        kind=event.get_kind_display(),
        audience=_AUDIENCE.get(Visibility(event.visibility), ""),
        when=f"{format_date(start, 'D j M, H:i')}–{timezone.localtime(end):%H:%M}",
        iso=start.isoformat(),
        place=place if event.lat is not None else "Online",
        distance="" if found.distance_km is None else f"{found.distance_km:.1f} km",
        host=event.host_group.name if event.host_group else "",
        places=f"{left} place{'' if left == 1 else 's'} left"
        if left
        else "Full: join the waitlist",
        full=not left,
        lat=event.lat,
        lng=event.lng,
    )


def marker(row: EventRow) -> dict[str, Any]:
    """The fields the map script reads (it sets them as text, never as HTML)."""
    fields = asdict(row)
    return {
        name: fields[name] for name in ("lat", "lng", "title", "url", "when", "place", "distance")
    }
