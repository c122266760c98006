"""Counting a closed ballot. The seed for any tie drawn by lot is fixed at the first count and
recorded, so every later count, and anyone's recount from the published papers, comes out the same."""

import secrets
from datetime import datetime

from django.db import transaction
from django.db.models import F

from groundswell.democracy.actions.tallies import QuestionResult, tally_question
from groundswell.democracy.models import Ballot, BallotPaper, BallotResult, Elector


class ResultsNotYet(Exception):
    """Results exist only once the ballot has closed."""


def count_ballot(ballot: Ballot, now: datetime, seed: int | None = None) -> list[QuestionResult]:
    """Every question's result. Refused before the close. The first count records its seed (drawn
    if not given); later counts reuse the recorded seed whatever is passed."""
    if now < ballot.closes_at:
        raise ResultsNotYet("Results are published when the ballot closes.")
    recorded = _record_count(ballot, now, seed)
    papers = list(BallotPaper.objects.filter(ballot=ballot).values_list("choices", flat=True))
    questions = ballot.questions.prefetch_related("options")
    return [tally_question(q, papers, recorded.seed) for q in questions]


def _record_count(ballot: Ballot, now: datetime, seed: int | None) -> BallotResult:
    # Every viewer of a counted ballot reads the recorded seed; only the first count takes the lock.
    counted = BallotResult.objects.filter(ballot=ballot).first()
    if counted is not None:
        return counted
    with transaction.atomic():
        Ballot.objects.select_for_update().filter(pk=ballot.pk).first()  # one first count at a time
        existing = BallotResult.objects.filter(ballot=ballot).first()
        if existing is not None:
            return existing
        _reseal(ballot)
        drawn = secrets.randbelow(2**31) if seed is None else seed
        return BallotResult.objects.create(ballot=ballot, seed=drawn, counted_at=now)


def _reseal(ballot: Ballot) -> None:
    """Rewrite every elector and paper row of the ballot in one transaction, so the row versions
    that remain all carry this one transaction's id instead of the id of the transaction that cast
    each vote (on PostgreSQL a vote's elector and paper rows share that id until rewritten; the old
    versions go at the next vacuum). See docs/ballots.md."""
    Elector.objects.filter(ballot=ballot).update(voted=F("voted"))
    BallotPaper.objects.filter(ballot=ballot).update(choices=F("choices"))
