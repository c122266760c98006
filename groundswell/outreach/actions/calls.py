"""Recording what happened on a call: the attempt, the answers, and what becomes of the person's
place in the queue (done, rung again after the cooldown, or at the time they asked for).

Everything is checked before anything is written; a refused outcome writes nothing. Only the caller
holding the person may record it, and sending the same form twice records one call.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from groundswell.events.models import Attendance
from groundswell.outreach.actions.answers import (
    AnswerError,
    GivenAnswer,
    parse_answers,
    save_answers,
)
from groundswell.outreach.actions.call_effects import NOT_CALLED_AGAIN, after_outcome
from groundswell.outreach.models import CallAttempt, CallOutcome, CallQueueEntry, Question
from groundswell.outreach.queries.callable import may_be_called
from groundswell.people.actions import add_history, add_note
from groundswell.people.models import Person

MAX_NOTE = 2000
MAX_CALL_BACK = timedelta(days=60)
SPOKE_TO = {CallOutcome.ANSWERED, CallOutcome.CALL_BACK}  # outcomes that may carry answers


class OutcomeRefused(Exception):
    """Why nothing was recorded, fit to show the caller. `not_callable` when the person asked not
    to be called while on screen (the caller should move on); `not_held` when they are no longer
    this caller's to record."""

    def __init__(self, message: str, *, not_callable: bool = False, not_held: bool = False) -> None:
        super().__init__(message)
        self.not_callable = not_callable
        self.not_held = not_held


@dataclass
class Report:
    """What the caller sees or hears after tapping an outcome: the form data, parsed."""

    outcome: str
    answers: Mapping[str, Sequence[str]] = field(default_factory=dict)
    call_back_at: datetime | None = None
    note: str = ""
    round: int | None = None  # the entry's attempt count when the screen was shown


@dataclass
class Recorded:
    person: Person
    attempt: CallAttempt | None  # None for a repeated form (nothing new written)
    done: bool = False
    rsvp: Attendance | None = None
    rsvp_problem: str = ""


def record_outcome(
    entry: CallQueueEntry,
    caller: Person,
    report: Report,
    *,
    actor: Any,
    now: datetime | None = None,
) -> Recorded:
    """Record one call by `caller` on the person of `entry` (OutcomeRefused if it cannot be)."""
    now = now or timezone.now()
    questions = list(entry.assignment.questions.all())
    given = _checked(report, questions, now)
    with transaction.atomic():
        locked = _locked(entry)
        repeat = _repeat(locked, caller, report)
        if repeat is not None:
            return repeat
        _check_held(locked, caller)
        if Person.objects.filter(may_be_called(), pk=locked.person_id).exists():
            return _record(locked, caller, report, given, actor, now)
        # They asked not to be called (on another call, a form, a text) while on this screen:
        # record nothing, and let go of them as a skip does.
        CallQueueEntry.objects.filter(pk=locked.pk).update(claimed_until=None)
    raise OutcomeRefused(
        f"{locked.person} has asked not to be called: please don't call. Moving on.",
        not_callable=True,
    )


def _locked(entry: CallQueueEntry) -> CallQueueEntry:
    entries = CallQueueEntry.objects.select_for_update(of=("self",))
    return entries.select_related("assignment", "person").get(pk=entry.pk)


def _checked(report: Report, questions: list[Question], now: datetime) -> list[GivenAnswer]:
    if report.outcome not in CallOutcome.values:
        raise OutcomeRefused("Choose what happened on the call: nothing was saved.")
    try:
        given = parse_answers(questions, report.answers)
    except AnswerError as exc:
        raise OutcomeRefused(str(exc)) from exc
    if given and report.outcome not in SPOKE_TO:
        label = CallOutcome(report.outcome).label
        raise OutcomeRefused(
            f"You gave answers but chose “{label}”: tap Answered to save them, or clear the answers."
        )
    if len(report.note) > MAX_NOTE:
        raise OutcomeRefused(
            f"The note is too long (at most {MAX_NOTE} characters): nothing was saved."
        )
    if report.outcome == CallOutcome.CALL_BACK:
        _check_call_back(report.call_back_at, now)
    return given


def _check_call_back(at: datetime | None, now: datetime) -> None:
    if at is None:
        raise OutcomeRefused("Say when to call back (a date and time): nothing was saved.")
    if at <= now:
        raise OutcomeRefused("The call-back time has passed: choose a time later than now.")
    if at > now + MAX_CALL_BACK:
        raise OutcomeRefused("Choose a call-back time within the next 60 days.")


def _repeat(entry: CallQueueEntry, caller: Person, report: Report) -> Recorded | None:
    """The same form sent again (a double tap, a resend after a timeout): the call it reports is
    already recorded, so report that one and write nothing."""
    if report.round is None or entry.attempts <= report.round:
        return None
    last = CallAttempt.objects.filter(assignment_id=entry.assignment_id, person_id=entry.person_id)
    latest = last.order_by("-at", "-pk").first()
    if latest is None or latest.caller_id != caller.pk:
        return None
    return Recorded(person=entry.person, attempt=None, done=entry.done)


def _check_held(entry: CallQueueEntry, caller: Person) -> None:
    if entry.done and entry.done_reason == NOT_CALLED_AGAIN:
        raise OutcomeRefused(
            f"{entry.person} has asked not to be called: please don't call. Moving on.",
            not_callable=True,
        )
    # Past its claim time is fine if no one else has taken the person since: the call was made.
    if entry.done or entry.caller_id != caller.pk or entry.claimed_until is None:
        raise OutcomeRefused(
            f"{entry.person} is no longer on your screen, so nothing was saved.", not_held=True
        )


def _record(
    entry: CallQueueEntry,
    caller: Person,
    report: Report,
    given: list[GivenAnswer],
    actor: Any,
    now: datetime,
) -> Recorded:
    person, assignment = entry.person, entry.assignment
    attempt = CallAttempt.objects.create(
        assignment=assignment, person=person, caller=caller, outcome=report.outcome,
        call_back_at=report.call_back_at if report.outcome == CallOutcome.CALL_BACK else None,
        note=report.note.strip(), at=now,
    )  # fmt: skip
    saved = save_answers(person, given, assignment=assignment, caller=caller, actor=actor, now=now)
    if attempt.note:
        add_note(person, actor, f"From a call for {assignment.name}: {attempt.note}")
    done = after_outcome(entry, attempt, actor, now)
    label = CallOutcome(report.outcome).label.lower()
    add_history(person, "call", f"Called for {assignment.name}: {label}", actor, now,
                assignment_id=assignment.pk, attempt_id=attempt.pk, caller_id=caller.pk,
                answers=len(saved.answers))  # fmt: skip
    return Recorded(person, attempt, done, saved.rsvp, saved.rsvp_problem)
