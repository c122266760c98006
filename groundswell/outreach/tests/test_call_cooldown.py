"""After no answer or a voicemail, a person waits out the assignment's cooldown before anyone rings
them again; an answer that does not meet the goal waits it out too."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.outreach.models import CallQueueEntry

from .call_helpers import assignment, national, people, record, served, volunteer, yes_no

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("outcome", ["no_answer", "voicemail"])
def test_no_one_rings_them_again_until_the_cooldown_is_over(outcome: str) -> None:
    owner, ring = national(), people(1)
    ada, bo = volunteer(), volunteer()
    made = assignment(owner, ring, [ada, bo], cooldown_hours=24)
    now = timezone.now()
    entry = served(made, ada, now)
    assert entry is not None
    record(entry, ada, outcome, now)
    assert served(made, bo, now + timedelta(hours=23, minutes=59)) is None
    again = served(made, bo, now + timedelta(hours=24, minutes=1))
    assert again is not None and again.person_id == ring[0].pk
    assert CallQueueEntry.objects.get(pk=entry.pk).attempts == 1


def test_an_answer_short_of_the_goal_waits_out_the_cooldown_too() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(
        owner, ring, [ada], questions=[yes_no()], goal=0, goal_values=["yes"], cooldown_hours=48
    )
    now = timezone.now()
    entry = served(made, ada, now)
    assert entry is not None
    field = f"q{made.goal_question_id}"
    record(entry, ada, "answered", now, answers={field: ["maybe"]})
    stored = CallQueueEntry.objects.get(pk=entry.pk)
    assert not stored.done
    assert stored.next_attempt_at == now + timedelta(hours=48)
    assert served(made, ada, now + timedelta(hours=47)) is None
