"""Calling an event off: only its organisers can; everyone signed up is told once and it goes on
their history; sign-ups close."""

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.actions import RsvpRefused, cancel_event, cancel_rsvp, rsvp_to_shift
from groundswell.people.models import HistoryEvent

from .helpers import national_organiser, new_group, new_person, only_shift
from .pages_helpers import NotifyCalls, organiser_of, placed_event, told, user_in

pytestmark = pytest.mark.django_db
__all__ = ["told"]


def test_cancelling_tells_everyone_once_and_writes_their_history(told: NotifyCalls) -> None:
    event = placed_event(capacity=1)
    shift = only_shift(event)
    going, waiting, gone = new_person(), new_person(), new_person()
    rsvp_to_shift(going, shift)
    rsvp_to_shift(waiting, shift)
    cancel_rsvp(rsvp_to_shift(gone, shift))
    organiser = national_organiser()
    cancel_event(organiser, event)
    cancel_event(organiser, event)  # a second click changes nothing
    event.refresh_from_db()
    assert event.status == "cancelled"
    assert [args[0] for args in told.of("event_cancelled")] == [event]
    told_people = set(
        HistoryEvent.objects.filter(kind="event_cancelled").values_list("person", flat=True)
    )
    assert told_people == {going.pk, waiting.pk}
    entry = HistoryEvent.objects.filter(kind="event_cancelled", person=going).get()
    assert entry.actor == organiser and "Canvass Hackney Central" in entry.summary
    assert (
        shift.attendances.filter(status="accepted").count() == 1
    )  # the record of who had signed up
    with pytest.raises(RsvpRefused, match="cancelled"):
        rsvp_to_shift(new_person(), shift)


def test_the_page_asks_first_then_cancels() -> None:
    group = new_group()
    organiser = organiser_of(group)
    event = placed_event(organiser, host_group=group)
    rsvp_to_shift(new_person(), only_shift(event))
    client = signed_in_client(organiser)
    url = reverse("events:cancel_event", args=[event.pk])
    assert "1 person</strong> with a place" in client.get(url).content.decode()
    event.refresh_from_db()
    assert event.status == "confirmed"
    response = client.post(url)
    assert response["Location"] == reverse("events:detail", args=[event.pk])
    event.refresh_from_db()
    assert event.status == "cancelled"


def test_only_the_event_s_organisers_can_cancel_it(told: NotifyCalls) -> None:
    group = new_group()
    event = placed_event(host_group=group)
    url = reverse("events:cancel_event", args=[event.pk])
    for outsider in (user_in(group), organiser_of(new_group()), make_user()):
        assert signed_in_client(outsider).post(url).status_code == 403
    assert Client().post(url).status_code == 302  # to sign in
    event.refresh_from_db()
    assert event.status == "confirmed"
    assert told.of("event_cancelled") == []
