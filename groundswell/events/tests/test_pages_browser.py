"""Browser journeys on a phone (390px wide): a visitor signs up for an event from its page, and an
organiser publishes one from the form. Neither page scrolls sideways."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore

from groundswell.events.models import Attendance, Event

from .helpers import national_organiser
from .pages_helpers import placed_event

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def fits_the_screen(page) -> bool:  # type: ignore[no-untyped-def]
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_visitor_signs_up_for_an_event_on_a_phone(phone_page) -> None:  # type: ignore[no-untyped-def]
    event = placed_event(title="Canvass Hackney Central", capacity=1)
    page = phone_page
    page.goto(f"/events/{event.pk}/")
    assert fits_the_screen(page)
    assert page.get_by_text("Meet by the red door").count() == 0  # instructions: signed-up only
    page.get_by_role("link", name="Sign up", exact=True).click()
    assert fits_the_screen(page)
    page.get_by_label("First name").fill("Rosa")
    page.get_by_role("textbox", name="Email").fill("rosa@example.org")
    page.get_by_label("Postcode").fill("e8 1dy")
    page.get_by_label("Email me about events").check()
    page.get_by_role("button", name="Sign up").click()
    page.get_by_text("You have a place at Canvass Hackney Central").wait_for()
    assert page.get_by_text("Full — join the waitlist").count() == 1
    place = Attendance.objects.get(person__emails__address="rosa@example.org")
    assert place.status == "accepted" and place.person.email_consent


def test_an_organiser_publishes_an_event_on_a_phone(phone_page, live_server) -> None:  # type: ignore[no-untyped-def]
    organiser = national_organiser()
    session = SessionStore()
    session[SESSION_KEY] = str(organiser.pk)
    session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
    session["_auth_user_hash"] = organiser.get_session_auth_hash()
    session.save()
    page = phone_page
    page.context.add_cookies(
        [{"name": "sessionid", "value": session.session_key, "url": live_server.url}]
    )
    page.goto("/events/new/")
    assert fits_the_screen(page)
    page.get_by_label("Title").fill("Phone bank for Ilford North")
    page.get_by_label("What kind of event").select_option("phone_bank")
    page.get_by_label("Online link").fill("https://meet.example.org/ilford")
    page.locator("#id_shifts-0-day").fill("2030-07-06")
    page.locator("#id_shifts-0-start").fill("18:00")
    page.locator("#id_shifts-0-end").fill("20:00")
    page.locator("#id_shifts-0-capacity").fill("12")
    page.get_by_role("button", name="Publish event").click()
    page.get_by_text("Your event is live").wait_for()
    event = Event.objects.get(title="Phone bank for Ilford North")
    assert event.shifts.get().capacity == 12
    assert fits_the_screen(page)
