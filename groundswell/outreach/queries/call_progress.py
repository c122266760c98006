"""An assignment's live progress for its organisers: the queue, calls made and reached, the answers
to each question, and each caller's figures. A fixed number of queries however big the queue."""

from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import Count, Max, Q

from groundswell.outreach.actions.questions import ordered_questions
from groundswell.outreach.models import (
    Answer,
    CallAssignment,
    CallAttempt,
    CallOutcome,
    CallQueueEntry,
    Question,
)

DONE_REASONS = {
    "goal_met": "Goal met",
    "answered": "Answered",
    "wrong_number": "Wrong number",
    "do_not_call": "Asked not to be called",
}


@dataclass
class CallerRow:
    name: str
    calls: int
    reached: int
    last_at: datetime | None
    on_screen: bool


@dataclass
class Tally:
    question: Question
    counts: list[tuple[str, int]]  # each option and how many chose it (free text: how many wrote)


@dataclass
class Progress:
    queued: int = 0
    done: int = 0
    on_screens: int = 0
    waiting: int = 0  # in their cooldown or waiting for a call-back time
    done_by_reason: list[tuple[str, int]] = field(default_factory=list)
    calls: int = 0
    reached: int = 0  # calls answered
    by_outcome: list[tuple[str, int]] = field(default_factory=list)
    tallies: list[Tally] = field(default_factory=list)
    callers: list[CallerRow] = field(default_factory=list)

    @property
    def to_call(self) -> int:
        return self.queued - self.done


def progress(assignment: CallAssignment, now: datetime) -> Progress:
    p = Progress()
    _queue(p, assignment, now)
    _calls(p, assignment)
    p.tallies = _tallies(assignment)
    p.callers = _callers(assignment, now)
    return p


def _queue(p: Progress, assignment: CallAssignment, now: datetime) -> None:
    entries = CallQueueEntry.objects.filter(assignment=assignment).order_by()
    held = Q(done=False, claimed_until__gt=now, caller__isnull=False)
    counts = entries.aggregate(
        n_queued=Count("pk"), n_done=Count("pk", filter=Q(done=True)),
        n_on_screens=Count("pk", filter=held),
        n_waiting=Count("pk", filter=Q(done=False, next_attempt_at__gt=now)),
    )  # fmt: skip
    p.queued, p.done = counts["n_queued"], counts["n_done"]
    p.on_screens, p.waiting = counts["n_on_screens"], counts["n_waiting"]
    reasons = dict(entries.filter(done=True).values_list("done_reason").annotate(n=Count("pk")))
    p.done_by_reason = [(DONE_REASONS.get(r, r or "Other"), n) for r, n in sorted(reasons.items())]


def _calls(p: Progress, assignment: CallAssignment) -> None:
    rows = CallAttempt.objects.filter(assignment=assignment).order_by()
    by_outcome = dict(rows.values_list("outcome").annotate(n=Count("pk")))
    p.calls = sum(by_outcome.values())
    p.reached = by_outcome.get(CallOutcome.ANSWERED, 0)
    p.by_outcome = [(label, by_outcome.get(value, 0)) for value, label in CallOutcome.choices]


def _tallies(assignment: CallAssignment) -> list[Tally]:
    questions = ordered_questions(assignment)
    answers = Answer.objects.filter(assignment=assignment).order_by()
    counted = answers.values_list("question_id", "value").annotate(
        n=Count("person_id", distinct=True)
    )
    found: dict[tuple[int, str], int] = {(q, v): n for q, v, n in counted}
    return [
        Tally(q, [(option, found.get((q.pk, option), 0)) for option in q.options or [""]])
        for q in questions
    ]


def _callers(assignment: CallAssignment, now: datetime) -> list[CallerRow]:
    attempts = CallAttempt.objects.filter(assignment=assignment, caller__isnull=False).order_by()
    rows = attempts.values("caller_id", "caller__given_name", "caller__family_name").annotate(
        calls=Count("pk"),
        reached=Count("pk", filter=Q(outcome=CallOutcome.ANSWERED)),
        last_at=Max("at"),
    )
    held = CallQueueEntry.objects.filter(assignment=assignment, done=False, claimed_until__gt=now)
    on_screen = set(held.values_list("caller_id", flat=True))
    result = [
        CallerRow(f"{r['caller__given_name']} {r['caller__family_name']}".strip(), r["calls"], r["reached"], r["last_at"], r["caller_id"] in on_screen)
        for r in rows
    ]  # fmt: skip
    return sorted(result, key=lambda row: (-row.calls, row.name))
