"""What each call outcome does to the person's place in the queue (and, for two outcomes, to their
record). Called by actions.calls inside the transaction that records the attempt."""

from datetime import datetime, timedelta
from typing import Any

from groundswell.outreach.models import CallAttempt, CallOutcome, CallQueueEntry
from groundswell.outreach.queries.callable import meets_goal
from groundswell.people.actions import add_note, record_consent
from groundswell.people.models import Person, PhoneNumber

NOT_CALLED_AGAIN = "do_not_call"


def after_outcome(entry: CallQueueEntry, attempt: CallAttempt, actor: Any, now: datetime) -> bool:
    """Release the entry and set when (or whether) the person is rung again. Returns whether
    they are done with for this assignment."""
    outcome = attempt.outcome
    done_reason, next_at = "", None
    if outcome == CallOutcome.ANSWERED:
        done_reason = _answered(entry)
        next_at = None if done_reason else _after_cooldown(entry, now)
    elif outcome in (CallOutcome.NO_ANSWER, CallOutcome.VOICEMAIL):
        next_at = _after_cooldown(entry, now)
    elif outcome == CallOutcome.CALL_BACK:
        next_at = attempt.call_back_at
    elif outcome == CallOutcome.WRONG_NUMBER:
        done_reason = "wrong_number"
        _note_wrong_number(entry, actor)
    elif outcome == CallOutcome.DO_NOT_CALL:
        done_reason = NOT_CALLED_AGAIN
        stop_calling(entry.person, actor, now)
    CallQueueEntry.objects.filter(pk=entry.pk).update(
        caller=None, claimed_until=None, attempts=entry.attempts + 1, next_attempt_at=next_at,
        done=bool(done_reason), done_reason=done_reason,
    )  # fmt: skip
    return bool(done_reason)


def _after_cooldown(entry: CallQueueEntry, now: datetime) -> datetime:
    return now + timedelta(hours=entry.assignment.cooldown_hours)


def _answered(entry: CallQueueEntry) -> str:
    """Done once the goal is met; an assignment without a goal is done with anyone who answered.
    Someone who answered but did not meet the goal is rung again after the cooldown."""
    assignment = entry.assignment
    if assignment.goal_question_id is None:
        return "answered"
    met = Person.objects.filter(meets_goal(assignment), pk=entry.person_id).exists()
    return "goal_met" if met else ""


def _note_wrong_number(entry: CallQueueEntry, actor: Any) -> None:
    # Someone else answered: that is no wish of the person's, so their consent and the number's
    # do-not-call flag stay as they are; an organiser reading the note can correct the record.
    numbers = PhoneNumber.objects.filter(person_id=entry.person_id, do_not_call=False)
    shown = ", ".join(numbers.values_list("number", flat=True)[:3])
    add_note(
        entry.person,
        actor,
        f"Wrong number: a caller for {entry.assignment.name} reached someone else on {shown}.",
    )


def stop_calling(person: Person, actor: Any, now: datetime) -> int:
    """They asked not to be called: withdraw phone consent and take them out of every open queue.
    Returns how many queue entries were closed."""
    record_consent(person, "phone", False, "asked a caller not to call", actor, now)
    # The caller fields stay, so a caller holding them elsewhere is told why they cannot record.
    open_entries = CallQueueEntry.objects.filter(person=person, done=False)
    return open_entries.update(done=True, done_reason=NOT_CALLED_AGAIN)
