"""The questions a call assignment asks: checking them, storing them in order, and telling whether
a list of them differs from what an assignment already asks."""

from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone

from groundswell.events.models import EventStatus, Shift
from groundswell.outreach.models import AssignmentQuestion, CallAssignment, Question, QuestionKind

MAX_QUESTIONS = 20
MAX_CHOICES = 20
CLOSED_KINDS = (QuestionKind.SINGLE, QuestionKind.MULTIPLE)


class AssignmentError(ValueError):
    """A change to an assignment that cannot be made, with a message fit to show the organiser."""


@dataclass
class QuestionSpec:
    kind: str
    text: str
    choices: list[str] = field(default_factory=list)
    shift: Shift | None = None


def changed(specs: list[QuestionSpec], assignment: CallAssignment) -> bool:
    def described(
        kind: str, text: str, choices: list[str], shift_id: int | None
    ) -> tuple[Any, ...]:
        closed = kind in CLOSED_KINDS
        return (
            kind,
            text.strip(),
            [c.strip() for c in choices if c.strip()] if closed else [],
            shift_id,
        )

    wanted = [described(s.kind, s.text, s.choices, s.shift.pk if s.shift else None) for s in specs]
    current = [
        described(q.kind, q.text, list(q.choices), q.shift_id)
        for q in ordered_questions(assignment)
    ]
    return wanted != current


def ordered_questions(assignment: CallAssignment) -> list[Question]:
    links = AssignmentQuestion.objects.filter(assignment=assignment).select_related("question")
    return [link.question for link in links.order_by("position", "pk")]


def set_questions(assignment: CallAssignment, specs: list[QuestionSpec], user: Any) -> None:
    if len(specs) > MAX_QUESTIONS:
        raise AssignmentError(f"An assignment asks at most {MAX_QUESTIONS} questions.")
    checked = [_checked_question(spec) for spec in specs]
    old = ordered_questions(assignment)
    AssignmentQuestion.objects.filter(assignment=assignment).delete()
    # A draft's own questions have no answers yet; any that somehow do are kept.
    Question.objects.filter(
        pk__in=[q.pk for q in old], answers__isnull=True, assignments__isnull=True
    ).delete()
    for position, spec in enumerate(checked):
        question = Question.objects.create(
            text=spec.text, kind=spec.kind, choices=spec.choices, shift=spec.shift, created_by=user
        )
        AssignmentQuestion.objects.create(
            assignment=assignment, question=question, position=position
        )


def _checked_question(spec: QuestionSpec) -> QuestionSpec:
    text = spec.text.strip()
    if not text or len(text) > 300:
        raise AssignmentError("Each question needs its words (at most 300 characters).")
    if spec.kind not in QuestionKind.values:
        raise AssignmentError(f"“{text[:60]}”: choose what kind of question it is.")
    choices = list(dict.fromkeys(c.strip() for c in spec.choices if c.strip()))
    if spec.kind in CLOSED_KINDS:
        if not 2 <= len(choices) <= MAX_CHOICES or any(len(c) > 200 for c in choices):
            raise AssignmentError(
                f"“{text[:60]}” needs 2 to {MAX_CHOICES} answers to choose from, one a line "
                "(each at most 200 characters)."
            )
    else:
        choices = []
    if spec.kind == QuestionKind.EVENT_RSVP:
        _check_shift(text, spec.shift)
    return QuestionSpec(
        spec.kind, text, choices, spec.shift if spec.kind == QuestionKind.EVENT_RSVP else None
    )


def _check_shift(text: str, shift: Shift | None) -> None:
    if shift is None:
        raise AssignmentError(f"“{text[:60]}” signs people up to an event: choose its shift.")
    if shift.event.status == EventStatus.CANCELLED or shift.start <= timezone.now():
        raise AssignmentError(f"“{text[:60]}”: that shift is cancelled or has already started.")
