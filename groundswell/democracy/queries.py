"""Reads of ballots, scoped to who is asking: organisers see the electorate and the turnout (never
choices); voters see their ballots; after the close everyone sees the anonymised papers and results."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.democracy.actions.counting import ResultsNotYet, count_ballot
from groundswell.democracy.actions.receipts import receipt_hash
from groundswell.democracy.actions.tallies import QuestionResult
from groundswell.democracy.models import Ballot, BallotPaper, Elector
from groundswell.people.models import Person


@dataclass(frozen=True)
class Turnout:
    voted: int
    electorate: int

    @property
    def share(self) -> float:
        return self.voted / self.electorate if self.electorate else 0.0


@dataclass(frozen=True)
class PublishedPaper:
    receipt_hash: str
    choices: dict[str, Any]


def ballots_organised_by(user: Any) -> QuerySet[Ballot]:
    """National roles: every ballot. Others: their groups' ballots and the ballots they created."""
    if sees_everyone(user):
        return Ballot.objects.all()
    if not user.is_authenticated:
        return Ballot.objects.none()
    return Ballot.objects.filter(Q(group_id__in=organised_group_ids(user)) | Q(created_by=user))


def get_ballot_for_organiser(user: Any, pk: int) -> Ballot:
    return get_object_or_404(ballots_organised_by(user), pk=pk)


def ballots_for_voter(person: Person) -> QuerySet[Ballot]:
    """The ballots whose frozen electorate includes `person`."""
    return Ballot.objects.filter(electors__person=person)


def has_voted(person: Person, ballot: Ballot) -> bool:
    return Elector.objects.filter(ballot=ballot, person=person, voted=True).exists()


def electorate_list(ballot: Ballot) -> QuerySet[Person]:
    """The frozen electorate in name order, for organisers to check (call only for a ballot from
    get_ballot_for_organiser). Who has voted is deliberately not part of it."""
    return Person.objects.filter(ballot_entries__ballot=ballot)


def turnout(ballot: Ballot) -> Turnout:
    """How many of the electorate have voted: available while the ballot is open; one query."""
    electors = Elector.objects.filter(ballot=ballot)
    totals = electors.aggregate(all=Count("pk"), voted=Count("pk", filter=Q(voted=True)))
    return Turnout(voted=totals["voted"], electorate=totals["all"])


def published_papers(ballot: Ballot, now: datetime) -> list[PublishedPaper]:
    """Every paper, after the close only, in the order of their random keys (not of voting)."""
    if now < ballot.closes_at:
        raise ResultsNotYet("The ballot papers are published when the ballot closes.")
    rows = BallotPaper.objects.filter(ballot=ballot).order_by("id")
    return [PublishedPaper(r.receipt_hash, r.choices) for r in rows]


def paper_for_receipt(ballot: Ballot, code: str, now: datetime) -> PublishedPaper | None:
    """The published paper carrying this receipt code, if any, so a voter can check their vote."""
    if now < ballot.closes_at:
        raise ResultsNotYet("The ballot papers are published when the ballot closes.")
    # One indexed lookup (receipt hashes are unique), not a walk through every paper.
    row = BallotPaper.objects.filter(ballot=ballot, receipt_hash=receipt_hash(code)).first()
    return PublishedPaper(row.receipt_hash, row.choices) if row else None


def results(ballot: Ballot, now: datetime) -> list[QuestionResult]:
    """Each question's result; raises ResultsNotYet before the close. The first call counts the
    ballot and records its seed (count_ballot), so every later call shows the same count."""
    return count_ballot(ballot, now)
