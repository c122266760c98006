"""Creating and running call assignments: who to call, what to ask, who calls, and starting,
pausing and closing them.

Questions (actions/questions.py) can be changed while an assignment is a draft. Once calling has
started they are fixed, so every answer means what the question said when it was given; the goal,
script, cooldown and callers can still change.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from groundswell.groups.models import Group
from groundswell.outreach.actions.questions import (
    AssignmentError,
    QuestionSpec,
    changed,
    ordered_questions,
    set_questions,
)
from groundswell.outreach.actions.queue import refresh_queue
from groundswell.outreach.models import AssignmentKind, AssignmentStatus, CallAssignment
from groundswell.people.models import Person
from groundswell.searches.definition import DefinitionError
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import audience

__all__ = [
    "AssignmentError",
    "AssignmentSpec",
    "QuestionSpec",
    "close_assignment",
    "create_assignment",
    "ordered_questions",
    "pause_assignment",
    "start_assignment",
    "update_assignment",
]


@dataclass
class AssignmentSpec:
    name: str
    audience: SavedSearch
    script: str = ""
    group: Group | None = None
    callers: list[Person] = field(default_factory=list)
    cooldown_hours: int = 24
    claim_minutes: int = 20
    questions: list[QuestionSpec] | None = None  # None: keep the questions it has
    goal: int | None = None  # the goal question, by its place in the list (0 is the first)
    goal_values: list[str] = field(default_factory=list)  # empty: any answer meets the goal


@transaction.atomic
def create_assignment(
    user: Any, spec: AssignmentSpec, *, kind: str = AssignmentKind.CALL, **turnout: Any
) -> CallAssignment:
    """A new draft assignment. `turnout` may give `event` and `needed` (meeting turnout)."""
    assignment = CallAssignment(kind=kind, created_by=user, **turnout)
    _apply(assignment, spec)
    assignment.save()
    set_questions(assignment, spec.questions or [], user)
    _set_goal_and_callers(assignment, spec)
    return assignment


@transaction.atomic
def update_assignment(
    user: Any, assignment: CallAssignment, spec: AssignmentSpec
) -> CallAssignment:
    started = assignment.status != AssignmentStatus.DRAFT
    if started and spec.questions is not None and changed(spec.questions, assignment):
        raise AssignmentError(
            "Calling has started, so the questions can no longer change: every answer must "
            "mean what its question said. Start a new assignment to ask something else."
        )
    _apply(assignment, spec)
    assignment.save()
    if spec.questions is not None and not started:
        set_questions(assignment, spec.questions, user)
    _set_goal_and_callers(assignment, spec)
    return assignment


def _apply(assignment: CallAssignment, spec: AssignmentSpec) -> None:
    if not spec.name.strip():
        raise AssignmentError("Give the assignment a name.")
    if not 0 <= spec.cooldown_hours <= 24 * 60:
        raise AssignmentError("The wait between two calls to one person is 0 to 1,440 hours.")
    if not 1 <= spec.claim_minutes <= 240:
        raise AssignmentError("A person stays on a caller's screen for 1 to 240 minutes.")
    assignment.name = spec.name.strip()[:200]
    assignment.audience = spec.audience
    assignment.script = spec.script.strip()
    assignment.group = spec.group
    assignment.cooldown_hours = spec.cooldown_hours
    assignment.claim_minutes = spec.claim_minutes


def _set_goal_and_callers(assignment: CallAssignment, spec: AssignmentSpec) -> None:
    questions = ordered_questions(assignment)
    goal = None
    if spec.goal is not None:
        if not 0 <= spec.goal < len(questions):
            raise AssignmentError("The goal must be one of the assignment's questions.")
        goal = questions[spec.goal]
    values = [v.strip() for v in spec.goal_values if v.strip()]
    if goal is None and values:
        raise AssignmentError("Choose the goal question the goal answers belong to.")
    if goal is not None and values:
        wrong = [v for v in values if v not in goal.options]
        if wrong:
            raise AssignmentError(f"“{wrong[0][:60]}” is not an answer to “{goal.text[:60]}”.")
    assignment.goal_question = goal
    assignment.goal_values = list(dict.fromkeys(values))
    assignment.save(update_fields=["goal_question", "goal_values"])
    assignment.callers.set(spec.callers)


def start_assignment(assignment: CallAssignment) -> int:
    """Open calling (from a draft, or after a pause) and fill the queue from the audience.
    Returns how many people joined the queue."""
    with transaction.atomic():
        locked = CallAssignment.objects.select_for_update().get(pk=assignment.pk)
        if locked.status not in (AssignmentStatus.DRAFT, AssignmentStatus.PAUSED):
            raise AssignmentError(
                f"{locked.name} is {locked.get_status_display().lower()}: it cannot be started."
            )
        try:
            audience(locked.audience).exists()
        except DefinitionError as exc:
            raise AssignmentError(f"Its audience search cannot be used: {exc}") from exc
        locked.status = AssignmentStatus.ACTIVE
        locked.save(update_fields=["status"])
    assignment.status = AssignmentStatus.ACTIVE
    return refresh_queue(assignment)


def pause_assignment(assignment: CallAssignment) -> None:
    """No one new is handed out; callers may still record the person on their screen."""
    _move(assignment, {AssignmentStatus.ACTIVE}, AssignmentStatus.PAUSED)


def close_assignment(assignment: CallAssignment) -> None:
    _move(
        assignment,
        {AssignmentStatus.DRAFT, AssignmentStatus.ACTIVE, AssignmentStatus.PAUSED},
        AssignmentStatus.CLOSED,
    )


def _move(assignment: CallAssignment, allowed: set[str], to: str) -> None:
    moved = CallAssignment.objects.filter(pk=assignment.pk, status__in=allowed).update(status=to)
    if not moved:
        raise AssignmentError(
            f"{assignment.name} is {assignment.get_status_display().lower()}: it cannot be {AssignmentStatus(to).label.lower()}."
        )
    assignment.status = to
