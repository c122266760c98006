"""Simultaneous sign-ups never overbook a shift: the shift row is locked before places are counted."""

import threading
from datetime import timedelta

import pytest
from django.db import connection, connections
from django.utils import timezone

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
    barrier = threading.Barrier(people)
    errors: list[BaseException] = []

    def arrive(person_id: int) -> None:
        try:
            from groundswell.people.models import Person

            person = Person.objects.get(pk=person_id)
            barrier.wait()
            rsvp_to_shift(person, shift)
        except BaseException as exc:  # surfaced by the test: any error must fail it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=arrive, args=(pk,)) for pk in person_ids]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return errors


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
