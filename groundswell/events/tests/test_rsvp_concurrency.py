"""Simultaneous sign-ups never overbook a shift: the shift row is locked before places are counted."""

from collections.abc import Callable
from datetime import timedelta
from functools import partial

import pytest
from django.db import connection
from django.utils import timezone

from groundswell.core.testing import at_once
from groundswell.events.actions import rsvp_to_shift
from groundswell.events.models import Attendance, Shift

from .helpers import new_person, online_event, only_shift

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]


def _race(shift: Shift, people: int) -> list[BaseException]:
    person_ids = [new_person().pk for _ in range(people)]

    def arrival(person_id: int) -> Callable[[], Callable[[], object]]:
        def ready() -> Callable[[], object]:
            from groundswell.people.models import Person

            return partial(rsvp_to_shift, Person.objects.get(pk=person_id), shift)

        return ready

    outcomes = at_once([arrival(pk) for pk in person_ids])
    return [o for o in outcomes if isinstance(o, BaseException)]


def _statuses(shift: Shift) -> list[str]:
    return list(Attendance.objects.filter(shift=shift).values_list("status", flat=True))


def test_fifty_people_signing_up_at_once_fill_ten_places_and_queue_the_rest() -> None:
    shift = only_shift(online_event(capacity=10, start=timezone.now() + timedelta(days=1)))
    assert _race(shift, 50) == []
    statuses = _statuses(shift)
    assert statuses.count("accepted") == 10
    assert statuses.count("waitlisted") == 40


def test_two_people_taking_the_last_place_at_once_get_one_place_and_one_waitlist() -> None:
    shift = only_shift(online_event(capacity=2))
    rsvp_to_shift(new_person(), shift)
    assert _race(shift, 2) == []
    assert sorted(_statuses(shift)) == ["accepted", "accepted", "waitlisted"]
