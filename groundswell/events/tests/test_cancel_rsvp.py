"""Giving up a place: it goes to the first person on the waitlist, in the order they joined it."""

import pytest

from groundswell.events.actions import cancel_rsvp, rsvp_to_shift
from groundswell.events.models import Attendance

from .helpers import new_person, online_event, only_shift

pytestmark = pytest.mark.django_db


def test_cancelling_frees_a_place_for_the_next_person() -> None:
    shift = only_shift(online_event(capacity=1))
    going = rsvp_to_shift(new_person(), shift)
    assert cancel_rsvp(going) is None
    assert rsvp_to_shift(new_person(), shift).status == "accepted"


def test_the_waitlist_is_promoted_in_the_order_people_joined_it() -> None:
    shift = only_shift(online_event(capacity=1))
    first_in = rsvp_to_shift(new_person(), shift)
    second, third = (rsvp_to_shift(new_person(), shift) for _ in range(2))
    promoted = cancel_rsvp(first_in)
    assert promoted is not None and promoted.pk == second.pk
    assert promoted.person.history.filter(kind="rsvp_promoted").exists()
    promoted_again = cancel_rsvp(promoted)
    assert promoted_again is not None and promoted_again.pk == third.pk
    statuses = dict(Attendance.objects.values_list("pk", "status"))
    assert statuses == {first_in.pk: "cancelled", second.pk: "cancelled", third.pk: "accepted"}


def test_a_waitlisted_person_leaving_promotes_nobody() -> None:
    shift = only_shift(online_event(capacity=1))
    going = rsvp_to_shift(new_person(), shift)
    waiting = rsvp_to_shift(new_person(), shift)
    assert cancel_rsvp(waiting) is None
    going.refresh_from_db()
    assert going.status == "accepted"


def test_cancelling_twice_changes_nothing_more() -> None:
    shift = only_shift(online_event(capacity=1))
    going = rsvp_to_shift(new_person(), shift)
    rsvp_to_shift(new_person(), shift)
    assert cancel_rsvp(going) is not None
    assert cancel_rsvp(going) is None
    assert going.person.history.filter(kind="rsvp_cancelled").count() == 1


def test_signing_up_again_after_cancelling_joins_the_back_of_the_queue() -> None:
    shift = only_shift(online_event(capacity=1))
    person = new_person()
    first = rsvp_to_shift(person, shift)
    cancel_rsvp(first)
    rsvp_to_shift(new_person(), shift)
    again = rsvp_to_shift(person, shift)
    assert again.pk == first.pk
    assert again.status == "waitlisted"
