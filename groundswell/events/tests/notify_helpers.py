"""Shortcuts for the notify, .ics, reminder and feed tests: places on shifts without going through
the sign-up action (whose notify calls are another test's business), and reading sent emails."""

from datetime import datetime, timedelta
from email import message_from_bytes
from email.message import Message
from typing import Any

import icalendar
from django.core import mail
from django.core.mail import EmailMessage
from django.utils import timezone

from groundswell.events.actions import create_event
from groundswell.events.models import Attendance, AttendanceStatus, Event, Shift
from groundswell.groups.models import Group
from groundswell.people.models import EmailAddress, Person

from .helpers import national_organiser, new_person


def placed_event(start: datetime | None = None, hours: int = 2, **fields: Any) -> Event:
    """An approved canvass with a venue, a postcode, an online link and instructions."""
    begins = start or timezone.now() + timedelta(days=3)
    fields.setdefault("title", "Canvass, leaflets; and tea")
    fields.setdefault("venue", "Round Chapel")
    fields.setdefault("address_lines", ["1d Glenarm Road"])
    fields.setdefault("locality", "London")
    fields.setdefault("instructions", "Ring the side bell; bring a clipboard.")
    fields.setdefault("contact_name", "Ada Organiser")
    fields.setdefault("contact_email", "ada@example.org")
    return create_event(
        fields.pop("actor", None) or national_organiser(),
        kind=fields.pop("kind", "canvass"),
        postal_code=fields.pop("postal_code", "E8 1DY"),
        online_url=fields.pop("online_url", "https://meet.example.org/briefing"),
        shifts=[(begins, begins + timedelta(hours=hours), fields.pop("capacity", 10))],
        **fields,
    )


def group_event(group: Group, visibility: str = "public", **fields: Any) -> Event:
    return placed_event(host_group=group, visibility=visibility, **fields)


def place(
    shift: Shift,
    person: Person | None = None,
    status: str = AttendanceStatus.ACCEPTED,
    signed_up: datetime | None = None,
) -> Attendance:
    """An attendance written directly, signed up at `signed_up` (default: a week ago)."""
    when = signed_up or timezone.now() - timedelta(days=7)
    return Attendance.objects.create(
        shift=shift,
        person=person or new_person(),
        status=status,
        queued_at=when,
        action_date=when,
    )


def address(person: Person) -> str:
    return EmailAddress.objects.get(person=person, primary=True).address


def sent_to(person: Person) -> list[EmailMessage]:
    return [m for m in mail.outbox if address(person) in m.to]


def parts(message: EmailMessage) -> list[Message]:
    """The MIME parts of a sent message, as a mail client would see them."""
    parsed = message_from_bytes(message.message().as_bytes())
    return [part for part in parsed.walk() if not part.is_multipart()]


def calendar_part(message: EmailMessage) -> Message | None:
    found = [p for p in parts(message) if p.get_content_type() == "text/calendar"]
    return found[0] if found else None


def calendar_in(message: EmailMessage) -> icalendar.Calendar:
    part = calendar_part(message)
    assert part is not None, "no text/calendar attachment"
    payload = part.get_payload(decode=True)
    assert isinstance(payload, bytes)
    return icalendar.Calendar.from_ical(payload)


def only_vevent(calendar: icalendar.Calendar) -> icalendar.Event:
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    assert isinstance(events[0], icalendar.Event)
    return events[0]
