"""“Call back at …”: the person comes back at the time they asked for, not before."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.outreach.models import Answer, CallAttempt, CallQueueEntry

from .call_helpers import assignment, national, people, record, served, volunteer

pytestmark = pytest.mark.django_db


def test_they_come_back_at_the_time_they_asked_for() -> None:
    owner, ring = national(), people(1)
    ada, bo = volunteer(), volunteer()
    made = assignment(owner, ring, [ada, bo], cooldown_hours=1)
    now = timezone.now()
    entry = served(made, ada, now)
    assert entry is not None
    at = now + timedelta(days=2, hours=3)
    record(entry, ada, "call_back", now, call_back_at=at)
    attempt = CallAttempt.objects.get(assignment=made)
    assert attempt.outcome == "call_back" and attempt.call_back_at == at
    assert CallQueueEntry.objects.get(pk=entry.pk).next_attempt_at == at
    assert served(made, bo, now + timedelta(hours=5)) is None  # the cooldown alone would allow it
    assert served(made, bo, at - timedelta(minutes=1)) is None
    again = served(made, bo, at)
    assert again is not None and again.person_id == ring[0].pk


def test_answers_given_before_asking_for_a_call_back_are_kept() -> None:
    from .call_helpers import question, yes_no

    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(owner, ring, [ada], questions=[yes_no()])
    now = timezone.now()
    entry = served(made, ada, now)
    assert entry is not None
    field = f"q{question(made).pk}"
    record(
        entry,
        ada,
        "call_back",
        now,
        call_back_at=now + timedelta(hours=1),
        answers={field: ["maybe"]},
    )
    assert list(Answer.objects.filter(person=ring[0]).values_list("value", flat=True)) == ["maybe"]
