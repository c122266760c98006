"""Fifty callers working one queue at once on PostgreSQL: every person is handed out exactly once
(no one twice, no one lost), each to one caller, with row locks and SKIP LOCKED."""

from collections import Counter
from collections.abc import Callable
from typing import cast

import pytest
from django.db import connection

from groundswell.accounts.models import User
from groundswell.core.testing import at_once
from groundswell.outreach.actions.calls import Report, record_outcome
from groundswell.outreach.actions.queue import serve_next
from groundswell.outreach.models import CallAssignment, CallAttempt, CallQueueEntry
from groundswell.people.models import HistoryEvent, Person

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


def _caller(assignment_id: int, user_id: int) -> Callable[[], Callable[[], list[int]]]:
    """A caller who, once all are ready, works the queue until it is empty; returns who they served."""

    def ready() -> Callable[[], list[int]]:
        user = User.objects.select_related("person").get(pk=user_id)
        made = CallAssignment.objects.get(pk=assignment_id)
        me = cast(Person, user.person)

        def work() -> list[int]:
            served = []
            while (entry := serve_next(made, me)) is not None:
                served.append(entry.person_id)
                record_outcome(entry, me, Report("answered", round=entry.attempts), actor=user)
            return served

        return work

    return ready


def test_fifty_callers_over_one_queue_serve_everyone_exactly_once() -> None:
    ring = people(PEOPLE)
    callers = [volunteer() for _ in range(CALLERS)]
    made = assignment(national(), ring, callers)
    outcomes = at_once([_caller(made.pk, u.pk) for u in callers])
    errors = [o for o in outcomes if isinstance(o, BaseException)]
    served = [pk for o in outcomes if not isinstance(o, BaseException) for pk in o]
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
