"""The call queue: filling it from an assignment's audience, handing each person to one caller at a
time, and letting go of them.

An entry's state, from its columns:
- *held* by a caller while `caller` is set and `claimed_until` is in the future (on their screen);
- *skipped* by its `caller` when `claimed_until` is null: anyone else may be handed it, not them;
- *abandoned* once `claimed_until` has passed: anyone may be handed it (no sweep needed);
- *waiting* while `next_attempt_at` is in the future (the cooldown, or a call-back time);
- *done* for good once `done` is set (goal met, wrong number, asked not to be called).

Handing out: in one transaction, the caller's own person row is locked (so a double tap cannot hand
one caller two people), then the first open entry is selected FOR UPDATE SKIP LOCKED (PostgreSQL:
concurrent callers pass over rows another is taking instead of queueing behind them) and claimed
by an UPDATE guarded by the same conditions. SQLite ignores FOR UPDATE, but there every write
transaction is IMMEDIATE, so only one runs at a time and the guarded UPDATE is enough.
"""

from datetime import datetime, timedelta

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from groundswell.core.db import refresh_statistics
from groundswell.outreach.models import (
    AssignmentStatus,
    CallAssignment,
    CallAttempt,
    CallOutcome,
    CallQueueEntry,
)
from groundswell.outreach.queries.callable import to_call
from groundswell.people.models import Person
from groundswell.searches.definition import DefinitionError

BATCH = 2000
CLAIM_TRIES = 3
REFRESH_EVERY = timedelta(minutes=10)  # new audience members join the queue at most this late


class QueueError(Exception):
    """Why no one can be handed out, fit to show the caller."""


def refresh_queue(assignment: CallAssignment) -> int:
    """Add the audience's callable people who are not in the queue yet; returns how many joined.
    Safe to run while callers call, and twice at once (a person is in a queue once)."""
    in_queue = CallQueueEntry.objects.filter(assignment=assignment).values("person_id")
    newcomers = to_call(assignment).exclude(pk__in=in_queue).values_list("pk", flat=True)
    added, last = 0, 0
    while ids := list(newcomers.filter(pk__gt=last).order_by("pk")[:BATCH]):
        entries = [CallQueueEntry(assignment=assignment, person_id=pk) for pk in ids]
        CallQueueEntry.objects.bulk_create(entries, ignore_conflicts=True)
        added, last = added + len(ids), ids[-1]
    refresh_statistics(CallQueueEntry, added)
    return added


def held_entry(assignment: CallAssignment, caller: Person, now: datetime) -> CallQueueEntry | None:
    """The entry this caller has on screen for this assignment, if any."""
    held = CallQueueEntry.objects.filter(
        assignment=assignment, caller=caller, claimed_until__gt=now, done=False
    )
    return held.select_related("person").order_by("claimed_until", "pk").first()


def serve_next(
    assignment: CallAssignment, caller: Person, now: datetime | None = None
) -> CallQueueEntry | None:
    """The person this caller should ring now: the one they already hold, else the next in the
    queue, claimed for them. None when no one is left to call right now."""
    now = now or timezone.now()
    try:
        entry = _serve(assignment, caller, now)
        if entry is None and refresh_queue(assignment):
            entry = _serve(assignment, caller, now)
        elif entry is not None:
            _refresh_now_and_then(assignment)
    except DefinitionError as exc:
        raise QueueError(
            f"The list of people to call cannot be read: {exc} Please tell the organisers."
        ) from exc
    return entry


def _serve(assignment: CallAssignment, caller: Person, now: datetime) -> CallQueueEntry | None:
    with transaction.atomic():
        Person.objects.select_for_update().filter(pk=caller.pk).values_list("pk").first()
        held = held_entry(assignment, caller, now)
        if held is not None:
            return held
        _check_open(assignment)
        callable_now = to_call(assignment)  # the audience compiled once for this serve
        for _ in range(CLAIM_TRIES):
            pk = _first_open(assignment, caller, now, callable_now)
            if pk is None:
                return None
            until = now + timedelta(minutes=assignment.claim_minutes)
            claim = open_entries(assignment, caller, now, callable_now).filter(pk=pk)
            if claim.update(caller=caller, claimed_until=until) == 1:
                return CallQueueEntry.objects.select_related("person").get(pk=pk)
    return None


STOPPED: dict[str, str] = {
    AssignmentStatus.DRAFT: "has not started yet",
    AssignmentStatus.PAUSED: "is paused for now",
    AssignmentStatus.CLOSED: "is closed",
}


def _check_open(assignment: CallAssignment) -> None:
    status = CallAssignment.objects.filter(pk=assignment.pk).values_list("status", flat=True)
    current = status.first()
    if current != AssignmentStatus.ACTIVE:
        said = STOPPED.get(current or "", "is gone")
        raise QueueError(f"{assignment.name} {said}: there is no one to call on it now.")


def open_entries(
    assignment: CallAssignment,
    caller: Person,
    now: datetime,
    callable_now: QuerySet[Person] | None = None,
) -> QuerySet[CallQueueEntry]:
    """Entries that may be handed to `caller` now (`callable_now`: to_call(assignment), if made)."""
    if callable_now is None:
        callable_now = to_call(assignment)
    return CallQueueEntry.objects.filter(
        Q(claimed_until__isnull=True) | Q(claimed_until__lte=now),
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now),
        assignment=assignment,
        done=False,
        person_id__in=callable_now.values("pk"),
    ).exclude(caller=caller, claimed_until__isnull=True)


def _first_open(
    assignment: CallAssignment, caller: Person, now: datetime, callable_now: QuerySet[Person]
) -> int | None:
    """Who comes first: a call-back whose time has come (they asked for it), then people never
    tried, in the order they joined the queue, then retries whose cooldown is over, oldest first.
    Small queries rather than one sorted by rank: each can stop at the first row that qualifies,
    walking an index, instead of ranking the whole queue on every call."""
    open_now = open_entries(assignment, caller, now, callable_now).select_for_update(
        skip_locked=True, of=("self",)
    )
    due = open_now.filter(next_attempt_at__isnull=False).order_by("next_attempt_at", "pk")
    call_backs = _due_call_backs(assignment, now)
    choices = [due.filter(pk__in=call_backs)] if call_backs else []
    choices += [open_now.filter(next_attempt_at__isnull=True).order_by("pk"), due]
    for candidates in choices:
        pk = candidates.values_list("pk", flat=True).first()
        if pk is not None:
            return pk
    return None


def _due_call_backs(assignment: CallAssignment, now: datetime) -> list[int]:
    """Entries whose call-back time has come (usually none: checked before the costlier query)."""
    asked_back = CallAttempt.objects.filter(
        assignment_id=assignment.pk,
        person_id=OuterRef("person_id"),
        outcome=CallOutcome.CALL_BACK,
        call_back_at=OuterRef("next_attempt_at"),
    )
    due = CallQueueEntry.objects.filter(assignment=assignment, done=False, next_attempt_at__lte=now)
    return list(
        due.filter(Exists(asked_back))
        .order_by("next_attempt_at", "pk")
        .values_list("pk", flat=True)[:50]
    )


def skip(entry: CallQueueEntry, caller: Person, now: datetime | None = None) -> bool:
    """Hand the person back without calling them: no attempt is counted, another caller may take
    them, this caller is not handed them again. False when they were not on this caller's screen."""
    now = now or timezone.now()
    mine = CallQueueEntry.objects.filter(
        pk=entry.pk, caller=caller, claimed_until__gt=now, done=False
    )
    return mine.update(claimed_until=None) == 1


def _refresh_now_and_then(assignment: CallAssignment) -> None:
    """People who joined the audience since the queue was filled join it at most REFRESH_EVERY
    later, in the background, so no caller waits for it."""
    if cache.add(f"outreach:queue-refreshed:{assignment.pk}", 1, REFRESH_EVERY.total_seconds()):
        from groundswell.outreach.tasks import refresh_call_queue

        assignment_id = assignment.pk
        transaction.on_commit(lambda: refresh_call_queue.enqueue(assignment_id), robust=True)
