"""Casting a vote: once per elector, never changed, and stored apart from the record that they voted."""

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.democracy.actions.answers import VoteRefused, paper_choices
from groundswell.democracy.actions.receipts import new_receipt, receipt_hash
from groundswell.democracy.models import Ballot, BallotPaper, Elector
from groundswell.people.models import Person


def cast_vote(person: Person, ballot: Ballot, answers: Mapping[int, Any], now: datetime) -> str:
    """Record `person`'s answers ({question position: answer}) and return their receipt code, which
    is shown to them once and stored nowhere. Raises VoteRefused, writing nothing, if the ballot is
    not open, the person is not on its electorate, has already voted, or an answer is invalid."""
    if ballot.status(now) != "open":
        raise VoteRefused("This ballot is not open for voting.")
    choices = paper_choices(ballot, answers)
    code = new_receipt()
    with transaction.atomic():
        # The claim is one conditional UPDATE: of simultaneous submissions only one finds voted=False
        # (PostgreSQL re-checks the condition once the first commits), so exactly one paper is written.
        claimed = Elector.objects.filter(ballot=ballot, person=person, voted=False).update(
            voted=True
        )
        if claimed != 1:
            raise VoteRefused(_why_not(ballot, person))
        BallotPaper.objects.create(ballot=ballot, receipt_hash=receipt_hash(code), choices=choices)
    return code


def _why_not(ballot: Ballot, person: Person) -> str:
    if Ballot.objects.filter(pk=ballot.pk, frozen_at__isnull=True).exists():
        return "The electorate has not been frozen, so nobody can vote in this ballot yet."
    if Elector.objects.filter(ballot=ballot, person=person).exists():
        return "You have already voted in this ballot; a cast vote cannot be changed."
    return "You are not on this ballot's electorate."
