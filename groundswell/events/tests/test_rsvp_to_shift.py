"""Signing up to a shift: a place while there is room, then the waitlist; never twice."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.events.actions import RsvpRefused, rsvp_to_shift
from groundswell.events.models import Attendance, EventStatus

from .helpers import new_person, online_event, only_shift

pytestmark = pytest.mark.django_db


def test_it_gives_a_place_while_the_shift_has_room() -> None:
    shift = only_shift(online_event(capacity=2))
    attendance = rsvp_to_shift(new_person(), shift, referrer_data={"source": "email"})
    assert attendance.status == "accepted"
    assert attendance.osdi_status == "accepted"
    assert attendance.referrer_data == {"source": "email"}


def test_it_waitlists_people_once_the_shift_is_full() -> None:
    shift = only_shift(online_event(capacity=1))
    rsvp_to_shift(new_person(), shift)
    late = rsvp_to_shift(new_person(), shift)
    assert late.status == "waitlisted"
    assert late.osdi_status == "tentative"  # OSDI has no waitlist


def test_signing_up_twice_keeps_one_place() -> None:
    shift = only_shift(online_event(capacity=1))
    person = new_person()
    first = rsvp_to_shift(person, shift)
    again = rsvp_to_shift(person, shift)
    assert again.pk == first.pk
    assert again.status == "accepted"
    assert Attendance.objects.filter(shift=shift).count() == 1
    assert person.history.filter(kind="rsvp_accepted").count() == 1


def test_it_refuses_a_cancelled_event() -> None:
    event = online_event()
    event.status = EventStatus.CANCELLED
    event.save()
    with pytest.raises(RsvpRefused, match="has been cancelled"):
        rsvp_to_shift(new_person(), only_shift(event))
    assert not Attendance.objects.exists()


def test_it_refuses_a_shift_that_has_already_started() -> None:
    event = online_event(start=timezone.now() - timedelta(minutes=5))
    with pytest.raises(RsvpRefused, match="already started"):
        rsvp_to_shift(new_person(), only_shift(event))
    assert not Attendance.objects.exists()


def test_it_puts_the_sign_up_on_the_persons_history() -> None:
    shift = only_shift(online_event(capacity=1, title="Hackney phone bank"))
    person = new_person()
    rsvp_to_shift(person, shift)
    entry = person.history.get(kind="rsvp_accepted")
    assert "Hackney phone bank" in entry.summary
    assert entry.data["shift_id"] == shift.pk
