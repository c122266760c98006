"""Answers tapped on the caller screen go to the person's record in the same tap as the outcome,
and the next caller to ring them sees them as past answers."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.outreach.actions.assignments import QuestionSpec
from groundswell.outreach.models import Answer, CallAttempt
from groundswell.people.models import HistoryEvent, Note

from .call_helpers import (
    assignment,
    national,
    outcome_url,
    people,
    question,
    screen_url,
    served,
    signed_in,
    volunteer,
    yes_no,
)

pytestmark = pytest.mark.django_db

QUESTIONS = [
    yes_no("Will you vote for Rosa?"),
    QuestionSpec("multiple", "What can you help with?", ["Leaflets", "Phone bank", "Doors"]),
    QuestionSpec("text", "Anything else?"),
]


def test_one_tap_saves_the_outcome_and_answers_to_the_record() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(owner, ring, [ada], questions=QUESTIONS)
    entry = served(made, ada)
    assert entry is not None
    q = [question(made, n) for n in range(3)]
    form = {
        "outcome": "answered", "round": "0", f"q{q[0].pk}": "yes",
        f"q{q[1].pk}": ["Leaflets", "Doors"], f"q{q[2].pk}": "Rings after 6pm only", "note": "Lovely chat",
    }  # fmt: skip
    response = signed_in(ada).post(outcome_url(entry), form, follow=True)
    assert "No one left to call right now" in response.content.decode()
    saved = {(a.question_id, a.value, a.text) for a in Answer.objects.filter(person=ring[0])}
    assert saved == {
        (q[0].pk, "yes", ""), (q[1].pk, "Leaflets", ""), (q[1].pk, "Doors", ""),
        (q[2].pk, "", "Rings after 6pm only"),
    }  # fmt: skip
    assert set(Answer.objects.values_list("assignment_id", flat=True)) == {made.pk}
    attempt = CallAttempt.objects.get()
    assert (attempt.outcome, attempt.note) == ("answered", "Lovely chat")
    history = HistoryEvent.objects.get(person=ring[0], kind="call")
    assert history.summary == "Called for Ring round: answered"
    assert Note.objects.get(person=ring[0]).text.endswith("Lovely chat")


def test_the_next_caller_sees_what_they_told_the_last_one() -> None:
    owner, ring = national(), people(1)
    ada, bo = volunteer(), volunteer()
    made = assignment(
        owner, ring, [ada, bo], questions=QUESTIONS, cooldown_hours=1, goal=0, goal_values=["yes"]
    )
    entry = served(made, ada)
    assert entry is not None
    q = question(made, 1)
    form = {
        "outcome": "answered",
        "round": "0",
        f"q{q.pk}": ["Phone bank"],
        "note": "Has a new baby",
    }
    signed_in(ada).post(outcome_url(entry), form)
    later = timezone.now() + timedelta(hours=2)
    again = served(made, bo, later)
    assert again is not None and again.pk == entry.pk
    page = signed_in(bo).get(screen_url(again)).content.decode()
    assert "What can you help with?" in page
    assert "<strong>Phone bank</strong>" in page
    assert "Has a new baby" in page
    assert "answered" in page  # the last call


def test_answering_again_replaces_the_earlier_answer() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(
        owner, ring, [ada], questions=[yes_no()], cooldown_hours=0, goal=0, goal_values=["yes"]
    )
    q = question(made)
    for value in ("maybe", "no"):
        entry = served(made, ada, timezone.now() + timedelta(seconds=1))
        assert entry is not None
        signed_in(ada).post(
            outcome_url(entry),
            {"outcome": "answered", "round": str(entry.attempts), f"q{q.pk}": value},
        )
    assert list(Answer.objects.filter(person=ring[0]).values_list("value", flat=True)) == ["no"]
    assert CallAttempt.objects.count() == 2
