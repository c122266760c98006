"""The whole journey in a real browser on a phone, as issue 3 describes it: a volunteer finds an event
near their postcode, signs up without an account, gets a confirmation email with a calendar file and a
check-in QR code, and at the door the organiser scans that code and checks them in."""

import io
from datetime import datetime, timedelta
from email.mime.base import MIMEBase
from typing import Any
from urllib.parse import urlsplit

import pytest
import segno
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from playwright.sync_api import expect

from groundswell.accounts.models import User
from groundswell.core.testing import verified_client
from groundswell.events.models import Attendance
from groundswell.events.qr import checkin_url
from groundswell.people.models import HistoryEvent

from .pages_helpers import placed_event
from .test_checkin_support import immediate_tasks, new_group, organiser_of

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]
__all__ = ["immediate_tasks"]


def _attachment(message: EmailMessage, filename: str) -> tuple[bytes, str]:
    for part in message.attachments:
        if isinstance(part, MIMEBase):
            if part.get_filename() == filename:
                return part.get_payload(decode=True), part.get_content_type()  # type: ignore[return-value]
        elif part[0] == filename:
            content = part[1]
            return (content.encode() if isinstance(content, str) else content), part[2]
    raise AssertionError(f"no {filename} attached to {message.subject!r}")


def _qr_png(url: str) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=6, border=2)
    return buffer.getvalue()


def test_find_sign_up_as_a_guest_get_the_email_and_be_checked_in(
    phone_page: Any, live_server: Any, mailoutbox: list[EmailMessage], immediate_tasks: None
) -> None:
    group = new_group(name="Hackney Groundswell")
    organiser = organiser_of(group)
    start = (timezone.localtime() + timedelta(days=2)).replace(
        hour=18, minute=30, second=0, microsecond=0
    )
    event = placed_event(
        organiser, host_group=group, start=start, capacity=5, title="Door-knocking in Dalston"
    )

    place = find_it_and_sign_up_as_a_guest(phone_page)
    assert place.status == "accepted" and not place.attended
    scan_url = check_the_confirmation(mailoutbox, place, start)
    the_organiser_scans_the_code(phone_page, live_server, organiser, scan_url)

    place.refresh_from_db()
    assert place.attended and place.checked_in_at is not None
    assert HistoryEvent.objects.filter(person=place.person, kind="attended").exists()
    phone_page.goto(reverse("events:checkin", args=[event.pk]))
    expect(phone_page.locator("#checkin-count")).to_have_text("1 of 1 here")


def find_it_and_sign_up_as_a_guest(page: Any) -> Attendance:
    """Find the event near a postcode, then sign up without an account."""
    page.goto("/events/")
    page.get_by_label("Postcode").fill("e8 3aa")
    page.get_by_role("button", name="Find events").click()
    page.locator("#results").get_by_role("link", name="Door-knocking in Dalston").click()

    expect(page.get_by_role("heading", name="Door-knocking in Dalston")).to_be_visible()
    assert page.get_by_text("Meet by the red door").count() == 0
    page.get_by_role("link", name="Sign up", exact=True).click()
    page.get_by_label("First name").fill("Marisol")
    page.get_by_role("textbox", name="Email").fill("marisol@example.org")
    page.get_by_label("Postcode").fill("E8 3AA")
    page.get_by_role("button", name="Sign up").click()
    page.get_by_text("You have a place at Door-knocking in Dalston").wait_for()
    return Attendance.objects.get(person__emails__address="marisol@example.org")


def check_the_confirmation(
    mailoutbox: list[EmailMessage], place: Attendance, start: datetime
) -> str:
    """A calendar file for the right time, the instructions, a cancel link, and a QR code that encodes
    this place's check-in link (returned)."""
    (email,) = [m for m in mailoutbox if "marisol@example.org" in m.to]
    assert "Door-knocking in Dalston" in email.subject
    assert "Meet by the red door" in email.body
    assert "/events/places/" in email.body  # the cancel link
    ics, kind = _attachment(email, "event.ics")
    assert kind == "text/calendar"
    (vevent,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Door-knocking in Dalston"
    assert vevent.decoded("DTSTART") == start
    assert "E8 1DY" in str(vevent["LOCATION"])
    png, kind = _attachment(email, "check-in.png")
    assert kind == "image/png"
    scan_url = checkin_url(place)
    assert png == _qr_png(scan_url)
    return scan_url


def the_organiser_scans_the_code(
    page: Any, live_server: Any, organiser: User, scan_url: str
) -> None:
    """At the door the organiser, signed in with two factors, opens the code's link and confirms."""
    session = verified_client(organiser).cookies["sessionid"].value
    page.context.clear_cookies()
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page.goto(urlsplit(scan_url).path)  # what the phone camera opens
    expect(page.get_by_role("heading", name="Marisol")).to_be_visible()
    page.get_by_role("button", name="Check in Marisol").click()
    page.get_by_text("Already checked in").wait_for()
