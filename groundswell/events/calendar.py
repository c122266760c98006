"""iCalendar (.ics) for shifts: one shift for an email or a download, and feeds of many shifts.

Times are written in UTC (the "Z" form), which every client converts to its own zone, so a shift
in the hour the clocks repeat in October is never ambiguous. Instructions and the online link go
only into calendars for someone with a place (`private`); public feeds never carry them.
"""

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.urls import reverse

from groundswell.events.models import Attendance, AttendanceStatus, Event, EventStatus, Shift

PRODID = "-//Groundswell//Events//EN"
_SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)
_STATUS = {
    EventStatus.CONFIRMED: "CONFIRMED",
    EventStatus.TENTATIVE: "TENTATIVE",
    EventStatus.CANCELLED: "CANCELLED",
}


def shift_uid(shift: Shift) -> str:
    """Stable for the life of the shift, so a new file updates the entry a client already has."""
    host = urlsplit(settings.SITE_URL).hostname or "groundswell.local"
    return f"shift-{shift.pk}@{host}"


def sequence(event: Event) -> int:
    """Grows with every save of the event (seconds since 2020), so a changed file outranks the old.
    Small enough for clients that keep SEQUENCE in 32 bits until 2088."""
    return max(0, int((event.modified_at - _SEQUENCE_EPOCH).total_seconds()))


def event_url(event: Event) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("events:detail", args=[event.pk])


def shift_calendar(
    shift: Shift, *, attendance: Attendance | None = None, method: str = "PUBLISH"
) -> bytes:
    """One shift as a calendar. With an accepted `attendance` it carries the instructions and the
    online link. METHOD:PUBLISH adds or updates the entry without asking the reader to reply;
    METHOD:CANCEL (with STATUS:CANCELLED) tells the client to remove it."""
    private = attendance is not None and attendance.status == AttendanceStatus.ACCEPTED
    calendar = _calendar()
    calendar.add("method", method)
    vevent = _vevent(shift, private=private)
    vevent.add("organizer", _organizer(), parameters={"cn": _organizer_name(shift)})
    if method == "CANCEL":
        vevent["status"] = "CANCELLED"
    calendar.add_component(vevent)
    return bytes(calendar.to_ical())


def feed_calendar(shifts: Iterable[Shift], name: str, *, private: bool = False) -> bytes:
    """A subscribable feed: clients poll it and replace what they had."""
    calendar = _calendar()
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    calendar.add("refresh-interval", timedelta(hours=1), parameters={"value": "DURATION"})
    calendar.add("x-published-ttl", "PT1H")
    for shift in shifts:
        calendar.add_component(_vevent(shift, private=private))
    return bytes(calendar.to_ical())


def _calendar() -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    return calendar


def _vevent(shift: Shift, *, private: bool) -> icalendar.Event:
    event = shift.event
    vevent = icalendar.Event()
    vevent.add("uid", shift_uid(shift))
    vevent.add("dtstamp", datetime.now(UTC).replace(microsecond=0))
    vevent.add("dtstart", shift.start.astimezone(UTC))
    vevent.add("dtend", shift.end.astimezone(UTC))
    vevent.add("summary", event.title)
    vevent.add("location", place_text(event, private=private))
    vevent.add("description", _description(event, private=private))
    vevent.add("url", event_url(event))
    vevent.add("sequence", sequence(event))
    vevent.add("last-modified", event.modified_at.astimezone(UTC).replace(microsecond=0))
    vevent.add("status", _STATUS.get(EventStatus(event.status), "CONFIRMED"))
    if event.lat is not None and event.lng is not None:
        vevent.add("geo", (event.lat, event.lng))
    return vevent


def place_text(event: Event, *, private: bool) -> str:
    """Venue, address and postcode; else the online link (or just "Online" for the public)."""
    parts = [event.venue, *event.address_lines, event.locality, event.postal_code]
    place = ", ".join(part.strip() for part in parts if part and part.strip())
    if place:
        return place
    if event.online_url:
        return event.online_url if private else "Online"
    return ""


def _description(event: Event, *, private: bool) -> str:
    parts = [event.description.strip()]
    if private and event.online_url:
        parts.append(f"Online: {event.online_url}")
    if private and event.instructions.strip():
        parts.append(f"Instructions:\n{event.instructions.strip()}")
    contact = " ".join(p for p in (event.contact_name, event.contact_email) if p)
    if contact:
        parts.append(f"Organiser: {contact}")
    parts.append(f"Details: {event_url(event)}")
    return "\n\n".join(part for part in parts if part)


def _organizer() -> icalendar.vCalAddress:
    # The site's own sending address: with METHOD:PUBLISH no reply is expected, and a client that
    # tries anyway reaches no volunteer's inbox.
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "no-reply@groundswell.local"
    return icalendar.vCalAddress(f"mailto:{address}")


def _organizer_name(shift: Shift) -> str:
    group = shift.event.host_group
    return group.name if group is not None else settings.SITE_NAME
