"""The turnout dashboard's figures: of the members eligible for a meeting, how many are committed
(have a place), how many said maybe or no, and how many are still to reach, against the number
needed to win. Access is checked by the caller (queries.calls.get_assignment_for_manage)."""

from dataclasses import dataclass

from django.db.models import Count

from groundswell.events.models import Attendance, AttendanceStatus, Shift
from groundswell.outreach.models import (
    Answer,
    AssignmentQuestion,
    CallAssignment,
    Question,
    QuestionKind,
)
from groundswell.outreach.queries.callable import may_be_called
from groundswell.people.models import HistoryEvent
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import audience


def turnout_question(assignment: CallAssignment) -> Question | None:
    """The drive's "Will you come?" question: its first event question for the meeting."""
    if assignment.event_id is None:
        return None
    links = AssignmentQuestion.objects.filter(
        assignment=assignment,
        question__kind=QuestionKind.EVENT_RSVP,
        question__shift__event_id=assignment.event_id,
    )
    link = links.select_related("question__shift__event").order_by("position", "pk").first()
    return link.question if link is not None else None


def turnout_shift(assignment: CallAssignment) -> Shift | None:
    question = turnout_question(assignment)
    return question.shift if question is not None else None


@dataclass
class TurnoutFigures:
    needed: int
    eligible: int = 0
    committed: int = 0  # eligible people with a place on the meeting's shift
    waitlisted: int = 0
    yes: int = 0  # answers to "Will you come?"
    maybe: int = 0
    no: int = 0
    unreached: int = 0  # eligible, not yet answered
    cannot_call: int = 0  # of the unreached: no phone consent or no number to ring
    reminders: int = 0  # reminder texts sent
    problem: str = ""  # why the figures could not be counted

    @property
    def percent(self) -> int:
        return min(100, round(100 * self.committed / self.needed)) if self.needed else 0

    @property
    def gap(self) -> int:
        return max(0, self.needed - self.committed)


def turnout_figures(assignment: CallAssignment) -> TurnoutFigures:
    """Counted in a fixed number of queries, whatever the size of the audience."""
    figures = TurnoutFigures(needed=assignment.needed or 0)
    question = turnout_question(assignment)
    try:
        eligible = audience(assignment.audience).order_by()
        figures.eligible = eligible.count()
    except DefinitionError as exc:
        figures.problem = f"The eligibility search cannot be used: {exc}"
        return figures
    if question is None or question.shift_id is None:
        figures.problem = "This drive has no “Will you come?” question."
        return figures
    ids = eligible.values("pk")
    places = Attendance.objects.filter(shift_id=question.shift_id, person_id__in=ids)
    by_status = dict(places.order_by().values_list("status").annotate(n=Count("pk")))
    figures.committed = by_status.get(AttendanceStatus.ACCEPTED, 0)
    figures.waitlisted = by_status.get(AttendanceStatus.WAITLISTED, 0)
    answers = Answer.objects.filter(question=question, person_id__in=ids)
    by_value = dict(
        answers.order_by().values_list("value").annotate(n=Count("person_id", distinct=True))
    )
    figures.yes, figures.maybe, figures.no = (by_value.get(v, 0) for v in ("yes", "maybe", "no"))
    answered = answers.values("person_id")
    unreached = eligible.exclude(pk__in=answered)
    figures.unreached = unreached.count()
    figures.cannot_call = unreached.exclude(may_be_called()).count()
    reminded = HistoryEvent.objects.filter(
        kind="turnout_reminder", data__assignment_id=assignment.pk, data__status="sent"
    )
    figures.reminders = reminded.count()
    return figures
