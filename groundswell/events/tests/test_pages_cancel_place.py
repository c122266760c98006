"""Cancelling a place from the link in the confirmation email (no sign-in needed), or from the
event page; forged links and links made for something else are refused."""

from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.actions import rsvp_to_shift
from groundswell.events.models import Attendance, Shift
from groundswell.events.tokens import make_token

from .helpers import new_person, only_shift
from .pages_helpers import NotifyCalls, placed_event, told

pytestmark = pytest.mark.django_db
__all__ = ["told"]


def cancel_url(place: Attendance, purpose: str = "cancel") -> str:
    return reverse("events:cancel_place", args=[make_token(purpose, place.pk)])


def test_the_link_shows_the_event_and_time_but_no_personal_details() -> None:
    event = placed_event()
    person = new_person(given_name="Harriet", family_name="Tubman", email="harriet@example.org")
    place = rsvp_to_shift(person, only_shift(event))
    html = Client().get(cancel_url(place)).content.decode()
    assert "Canvass Hackney Central" in html and "Cancel my place" in html
    assert "Harriet" not in html and "harriet@example.org" not in html


def test_posting_the_link_cancels_and_promotes_the_next_person(told: NotifyCalls) -> None:
    event = placed_event(capacity=1)
    shift = only_shift(event)
    going = rsvp_to_shift(new_person(), shift)
    waiting = rsvp_to_shift(new_person(), shift)
    response = Client().post(cancel_url(going))
    assert response.status_code == 302 and response["Location"] == cancel_url(going)
    going.refresh_from_db()
    waiting.refresh_from_db()
    assert (going.status, waiting.status) == ("cancelled", "accepted")
    assert [args[0] for args in told.of("promoted")] == [waiting]
    after = Client().get(cancel_url(going)).content.decode()
    assert "This place is cancelled." in after


def test_leaving_the_waitlist_promotes_nobody(told: NotifyCalls) -> None:
    event = placed_event(capacity=1)
    shift = only_shift(event)
    rsvp_to_shift(new_person(), shift)
    waiting = rsvp_to_shift(new_person(), shift)
    assert "Leave the waitlist" in Client().get(cancel_url(waiting)).content.decode()
    Client().post(cancel_url(waiting))
    waiting.refresh_from_db()
    assert waiting.status == "cancelled"
    assert told.of("promoted") == []


@pytest.mark.parametrize("make_link", ["forged", "other purpose", "mangled", "unknown place"])
def test_a_bad_link_is_404_and_changes_nothing(make_link: str) -> None:
    place = rsvp_to_shift(new_person(), only_shift(placed_event()))
    token = {
        "forged": f"{place.pk}:AAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "other purpose": make_token("checkin", place.pk),
        "mangled": "not-a-token",
        "unknown place": make_token("cancel", 999999),
    }[make_link]
    url = reverse("events:cancel_place", args=[token])
    assert Client().get(url).status_code == 404
    assert Client().post(url).status_code == 404
    place.refresh_from_db()
    assert place.status == "accepted"


def test_a_signed_in_attendee_cancels_from_the_event_page_and_returns_to_it() -> None:
    event = placed_event()
    user = make_user()
    assert user.person is not None
    place = rsvp_to_shift(user.person, only_shift(event))
    response = signed_in_client(user).post(cancel_url(place))
    assert response["Location"] == reverse("events:detail", args=[event.pk])
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert messages[0].startswith("Your place at Canvass Hackney Central")
    place.refresh_from_db()
    assert place.status == "cancelled"


def test_a_shift_that_is_over_cannot_be_cancelled() -> None:
    event = placed_event()
    shift = only_shift(event)
    place = rsvp_to_shift(new_person(), shift)
    Shift.objects.filter(pk=shift.pk).update(
        start=timezone.now() - timedelta(hours=3), end=timezone.now() - timedelta(hours=1)
    )
    assert "This shift is over." in Client().get(cancel_url(place)).content.decode()
    Client().post(cancel_url(place))
    place.refresh_from_db()
    assert place.status == "accepted"
