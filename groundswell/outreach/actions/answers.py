"""Survey answers from a call: checking what the caller sent against the assignment's questions,
and saving them to the person's record (a "yes" to "will you come to E?" signs them up to E).

A person's record holds their latest answer to each question: answering again replaces the earlier
answer (the call that gave it stays in their history), so searches, goals and the caller screen
all read where the person stands now.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from groundswell.events.actions.rsvp import RsvpRefused, rsvp_to_shift
from groundswell.events.models import Attendance
from groundswell.outreach.models import Answer, CallAssignment, Question, QuestionKind
from groundswell.people.models import Person

MAX_TEXT = 2000
FIELD = re.compile(r"^q(\d{1,18})$")  # the form field of question 12 is "q12"


class AnswerError(ValueError):
    """An answer that cannot be saved, with a message fit to show the caller."""


@dataclass(frozen=True)
class GivenAnswer:
    question: Question
    values: tuple[str, ...]  # the options chosen; empty for free text
    text: str = ""


@dataclass
class SavedAnswers:
    answers: list[Answer]
    rsvp: Attendance | None = None  # the place (or waitlist) a "yes" to an event question gave
    rsvp_problem: str = ""  # why a "yes" could not sign them up


def field_name(question: Question) -> str:
    return f"q{question.pk}"


def parse_answers(
    questions: Sequence[Question], data: Mapping[str, Sequence[str]]
) -> list[GivenAnswer]:
    """The answers in `data` (form field "q<id>" → the values sent), checked against the
    questions; AnswerError for anything that is not one of them. Unanswered questions are left out."""
    asked = {field_name(q): q for q in questions}
    for key in data:
        if FIELD.match(key) and key not in asked:
            raise AnswerError(
                "That answer is to a question this call does not ask: nothing was saved."
            )
    given = []
    for key, question in asked.items():
        values = [str(v).strip() for v in data.get(key, ()) if str(v).strip()]
        if values:
            given.append(_check(question, values))
    return given


def _check(question: Question, values: list[str]) -> GivenAnswer:
    if question.kind == QuestionKind.TEXT:
        if len(values) > 1:
            raise AnswerError(f"“{question.text}” takes one answer.")
        if len(values[0]) > MAX_TEXT:
            raise AnswerError(
                f"The answer to “{question.text}” is too long (at most {MAX_TEXT} characters)."
            )
        return GivenAnswer(question, (), values[0])
    options = question.options
    unknown = [v for v in values if v not in options]
    if unknown:
        raise AnswerError(f"“{unknown[0][:60]}” is not one of the answers to “{question.text}”.")
    if question.kind != QuestionKind.MULTIPLE and len(values) > 1:
        raise AnswerError(f"“{question.text}” takes one answer.")
    return GivenAnswer(question, tuple(dict.fromkeys(values)))


def save_answers(
    person: Person,
    given: Sequence[GivenAnswer],
    *,
    assignment: CallAssignment,
    caller: Person,
    actor: Any,
    now: datetime,
) -> SavedAnswers:
    """Replace the person's answers to these questions with the given ones. Call inside the
    transaction that records the call."""
    Answer.objects.filter(person=person, question__in=[g.question for g in given]).delete()
    rows = [
        Answer(
            person=person,
            question=g.question,
            value=value,
            text=g.text,
            answered_at=now,
            recorded_by=caller,
            assignment=assignment,
        )  # fmt: skip
        for g in given
        for value in (g.values or ("",))
    ]
    saved = SavedAnswers(Answer.objects.bulk_create(rows))
    for g in given:
        if g.question.kind == QuestionKind.EVENT_RSVP and g.values == ("yes",):
            _sign_up(saved, person, g.question, assignment, actor)
    return saved


def _sign_up(
    saved: SavedAnswers, person: Person, question: Question, assignment: CallAssignment, actor: Any
) -> None:
    if question.shift is None:
        saved.rsvp_problem = "This question has no event to sign up to."
        return
    referrer = {"source": "call", "assignment": assignment.pk}
    try:
        saved.rsvp = rsvp_to_shift(person, question.shift, referrer, actor=actor)
    except RsvpRefused as refusal:
        saved.rsvp_problem = str(refusal)
