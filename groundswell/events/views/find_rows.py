"""What the find-events list, its map and the embed page show for each event, worked out once in Python.

Formatting here rather than with template filters keeps a page of results cheap to render (it is the busiest
page on a campaign night), and gives the list and the map's markers the very same words."""

from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString

from groundswell.events.models import EventKind, Visibility
from groundswell.events.queries.finding import FoundEvent

_AUDIENCE = {Visibility.MEMBERS.value: "Members only", Visibility.GROUP.value: "Group members only"}
_KINDS = {kind.value: str(kind.label) for kind in EventKind}
# Formatting by hand: ~20 rows a page, and strftime's English names are what en-GB shows anyway.
_WHEN = "%a %-d %b, %H:%M"


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

    @property
    def item(self) -> SafeString:
        """The list item the find page shows (escaped by format_html): cheaper than a template per row."""
        return format_html(
            '<li class="found-event"><a href="{}"><strong>{}</strong></a> <span class="badge">{}</span>'
            "{}<br>"
            '<time datetime="{}">{}</time>{}<br>'
            '<span class="muted small">{}{}</span><br>'
            '<span class="small places{}">{}</span></li>',
            self.url, self.title, self.kind,
            format_html(' <span class="badge member">{}</span>', self.audience) if self.audience else "",
            self.iso, self.when,
            format_html(' · <span class="distance">{}</span>', self.distance) if self.distance else "",
            self.place, format_html(" · hosted by {}", self.host) if self.host else "",
            " full" if self.full else "", self.places,
        )  # fmt: skip


def _detail_url() -> str:
    return reverse("events:detail", args=[0]).replace("/0/", "/{}/")


def event_row(found: FoundEvent, detail_url: str | None = None) -> EventRow:
    event, start, end = found.event, timezone.localtime(found.shift.start), found.shift.end
    place = ", ".join(p for p in (event.venue, event.locality, event.postal_code) if p)
    left = found.places_left
    return EventRow(
        url=(detail_url or _detail_url()).format(event.pk),
        title=event.title,
        kind=_KINDS.get(event.kind, event.kind),
        audience=_AUDIENCE.get(event.visibility, ""),
        when=f"{start.strftime(_WHEN)}–{timezone.localtime(end):%H:%M}",
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


def event_rows(found: list[FoundEvent]) -> list[EventRow]:
    url = _detail_url()
    return [event_row(f, url) for f in found]


def marker(row: EventRow) -> dict[str, Any]:
    """The fields the map script reads (it sets them as text, never as HTML)."""
    return {
        "lat": row.lat, "lng": row.lng, "title": row.title, "url": row.url, "when": row.when,
        "place": row.place, "distance": row.distance,
    }  # fmt: skip
