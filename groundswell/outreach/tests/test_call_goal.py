"""The goal takes people out of the queue once met: on this call, or on any earlier one."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.outreach.models import Answer, CallQueueEntry

from .call_helpers import assignment, national, people, question, record, served, volunteer, yes_no

pytestmark = pytest.mark.django_db


def test_meeting_the_goal_on_a_call_takes_them_out_of_the_queue() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(owner, ring, [ada], questions=[yes_no()], goal=0, goal_values=["yes"])
    entry = served(made, ada)
    assert entry is not None
    result = record(entry, ada, "answered", answers={f"q{made.goal_question_id}": ["yes"]})
    assert result.done
    stored = CallQueueEntry.objects.get(pk=entry.pk)
    assert stored.done and stored.done_reason == "goal_met"
    assert served(made, ada, timezone.now() + timedelta(days=30)) is None


def test_someone_who_already_met_the_goal_is_never_handed_out() -> None:
    owner, ring = national(), people(2)
    ada = volunteer()
    made = assignment(owner, ring, [ada], questions=[yes_no()], goal=0)
    Answer.objects.create(
        person=ring[0], question=question(made), value="no", answered_at=timezone.now()
    )
    entry = served(made, ada)
    assert entry is not None and entry.person_id == ring[1].pk
    record(entry, ada, "answered", answers={f"q{made.goal_question_id}": ["maybe"]})
    assert served(made, ada) is None


def test_without_a_goal_anyone_who_answered_is_done() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    entry = served(made, ada)
    assert entry is not None
    assert record(entry, ada, "answered").done
    assert CallQueueEntry.objects.get(pk=entry.pk).done_reason == "answered"
