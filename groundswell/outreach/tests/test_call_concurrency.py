"""Fifty callers working one queue at once on PostgreSQL: every person is handed out exactly once
(no one twice, no one lost), each to one caller, with row locks and SKIP LOCKED."""

import threading
from collections import Counter

import pytest
from django.db import connection, connections

from groundswell.accounts.models import User
from groundswell.outreach.actions.calls import Report, record_outcome
from groundswell.outreach.actions.queue import serve_next
from groundswell.outreach.models import CallAssignment, CallAttempt, CallQueueEntry
from groundswell.people.models import HistoryEvent

from .call_helpers import assignment, national, people, volunteer

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]

CALLERS = 50
PEOPLE = 200


def _work(
    assignment_id: int,
    user_id: int,
    barrier: threading.Barrier,
    served: list[int],
    errors: list[BaseException],
) -> None:
    try:
        user = User.objects.select_related("person").get(pk=user_id)
        made = CallAssignment.objects.get(pk=assignment_id)
        barrier.wait()
        while (entry := serve_next(made, user.person)) is not None:  # type: ignore[arg-type]
            served.append(entry.person_id)
            record_outcome(entry, user.person, Report("answered", round=entry.attempts), actor=user)  # type: ignore[arg-type]
    except BaseException as exc:  # surfaced by the test: any error must fail it
        errors.append(exc)
    finally:
        connections.close_all()


def test_fifty_callers_over_one_queue_serve_everyone_exactly_once() -> None:
    ring = people(PEOPLE)
    callers = [volunteer() for _ in range(CALLERS)]
    made = assignment(national(), ring, callers)
    barrier = threading.Barrier(CALLERS)
    served: list[int] = []
    errors: list[BaseException] = []
    threads = [
        threading.Thread(target=_work, args=(made.pk, u.pk, barrier, served, errors))
        for u in callers
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    twice = [pk for pk, n in Counter(served).items() if n > 1]
    assert twice == []
    assert sorted(served) == sorted(p.pk for p in ring)  # none lost
    assert CallAttempt.objects.filter(assignment=made).count() == PEOPLE
    assert set(CallAttempt.objects.values_list("person_id", flat=True)) == {p.pk for p in ring}
    assert CallQueueEntry.objects.filter(assignment=made, done=False).count() == 0
    assert HistoryEvent.objects.filter(kind="call").count() == PEOPLE
    by_caller = Counter(CallAttempt.objects.values_list("caller_id", flat=True))
    assert len(by_caller) > 1  # the work really was shared
