"""Who a caller is handed next: one person to one caller at a time, the same person again on a
reload, people never tried in the order they joined, and due call-backs ahead of them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.outreach.actions.queue import QueueError, refresh_queue, serve_next
from groundswell.outreach.models import CallQueueEntry
from groundswell.people.models import Tag

from .call_helpers import as_person, assignment, national, people, record, served, volunteer

pytestmark = pytest.mark.django_db


def test_starting_puts_the_callable_audience_in_the_queue_once() -> None:
    owner, ring = national(), people(3)
    made = assignment(owner, ring)
    assert set(
        CallQueueEntry.objects.filter(assignment=made).values_list("person_id", flat=True)
    ) == {p.pk for p in ring}
    assert refresh_queue(made) == 0
    assert CallQueueEntry.objects.filter(assignment=made).count() == 3


def test_two_callers_are_handed_different_people_in_queue_order() -> None:
    owner, ring = national(), people(3)
    ada, bo = volunteer(), volunteer()
    made = assignment(owner, ring, [ada, bo])
    first, second = served(made, ada), served(made, bo)
    assert first is not None and second is not None
    assert [first.person_id, second.person_id] == [ring[0].pk, ring[1].pk]


def test_a_reload_hands_back_the_same_person() -> None:
    owner, ring = national(), people(3)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    first = served(made, ada)
    again = served(made, ada)
    assert first is not None and again is not None
    assert again.pk == first.pk
    assert CallQueueEntry.objects.filter(assignment=made, caller=as_person(ada)).count() == 1


def test_no_one_is_handed_out_twice_and_the_queue_runs_dry() -> None:
    owner, ring = national(), people(4)
    callers = [volunteer() for _ in range(3)]
    made = assignment(owner, ring, callers)
    seen: list[int] = []
    for _ in range(2):
        for caller in callers:
            entry = served(made, caller)
            if entry is not None:
                seen.append(entry.person_id)
                record(entry, caller, "answered")
    assert sorted(seen) == sorted(p.pk for p in ring)
    assert all(served(made, c) is None for c in callers)


def test_a_due_call_back_comes_before_people_never_tried() -> None:
    owner, ring = national(), people(3)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    now = timezone.now()
    first = served(made, ada, now)
    assert first is not None
    record(first, ada, "call_back", now, call_back_at=now + timedelta(hours=2))
    later = now + timedelta(hours=2, minutes=1)
    again = served(made, ada, later)
    assert again is not None and again.person_id == ring[0].pk


def test_retries_wait_behind_people_never_tried() -> None:
    owner, ring = national(), people(2)
    ada = volunteer()
    made = assignment(owner, ring, [ada], cooldown_hours=1)
    now = timezone.now()
    first = served(made, ada, now)
    assert first is not None
    record(first, ada, "no_answer", now)
    later = now + timedelta(hours=2)
    nxt = served(made, ada, later)
    assert nxt is not None and nxt.person_id == ring[1].pk


def test_people_who_join_the_audience_later_are_added_when_the_queue_runs_dry() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    entry = served(made, ada)
    assert entry is not None
    record(entry, ada, "answered")
    newcomer = people(1)[0]
    Tag.objects.get(pk=made.audience.definition["all"][0]["tag"]).people.add(newcomer)
    nxt = served(made, ada)
    assert nxt is not None and nxt.person_id == newcomer.pk


def test_a_paused_assignment_hands_out_no_one_new() -> None:
    from groundswell.outreach.actions.assignments import pause_assignment

    owner, ring = national(), people(2)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    pause_assignment(made)
    with pytest.raises(QueueError, match="is paused for now"):
        serve_next(made, as_person(ada))
