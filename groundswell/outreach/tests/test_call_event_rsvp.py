"""“Will you come to E?”: a yes signs the person up to the shift (the waitlist when it is full, and
the caller is told which); no and maybe are answers only."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.events.actions import rsvp_to_shift
from groundswell.events.models import Attendance
from groundswell.events.tests.helpers import online_event, only_shift
from groundswell.outreach.actions.assignments import QuestionSpec
from groundswell.outreach.models import Answer

from .call_helpers import (
    assignment,
    callee,
    national,
    outcome_url,
    people,
    question,
    served,
    signed_in,
    volunteer,
)

pytestmark = pytest.mark.django_db


def _drive(capacity: int, count: int = 1):  # type: ignore[no-untyped-def]
    owner = national()
    shift = only_shift(
        online_event(
            owner,
            capacity=capacity,
            start=timezone.now() + timedelta(days=3),
            title="Members' meeting",
        )
    )
    ring, ada = people(count), volunteer()
    made = assignment(
        owner, ring, [ada], questions=[QuestionSpec("event_rsvp", "Will you come?", shift=shift)]
    )
    return made, shift, ring, ada


def _answer(made, ada, value: str):  # type: ignore[no-untyped-def]
    entry = served(made, ada)
    assert entry is not None
    form = {"outcome": "answered", "round": "0", f"q{question(made).pk}": value}
    return entry, signed_in(ada).post(outcome_url(entry), form, follow=True)


def test_a_yes_gives_them_a_place_and_says_so() -> None:
    made, shift, ring, ada = _drive(capacity=5)
    entry, response = _answer(made, ada, "yes")
    place = Attendance.objects.get(shift=shift, person=ring[0])
    assert place.status == "accepted"
    assert place.referrer_data == {"source": "call", "assignment": made.pk}
    assert f"{ring[0].given_name} has a place at Members&#x27; meeting" in response.content.decode()
    assert Answer.objects.get(person=ring[0]).value == "yes"


def test_a_yes_when_the_shift_is_full_puts_them_on_the_waitlist_and_tells_the_caller() -> None:
    made, shift, ring, ada = _drive(capacity=1)
    rsvp_to_shift(callee(), shift)
    entry, response = _answer(made, ada, "yes")
    assert Attendance.objects.get(shift=shift, person=ring[0]).status == "waitlisted"
    assert f"is full: {ring[0].given_name} is on the waitlist" in response.content.decode()


@pytest.mark.parametrize("value", ["no", "maybe"])
def test_no_and_maybe_are_answers_only(value: str) -> None:
    made, shift, ring, ada = _drive(capacity=5)
    _answer(made, ada, value)
    assert not Attendance.objects.filter(shift=shift).exists()
    assert Answer.objects.get(person=ring[0]).value == value
