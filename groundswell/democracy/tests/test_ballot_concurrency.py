"""Simultaneous submissions on PostgreSQL: one person submitting many times at once gets exactly one
paper; many people voting at once all get theirs."""

from collections.abc import Callable
from functools import partial

import pytest
from django.db import connection

from groundswell.core.testing import at_once
from groundswell.democracy.actions import VoteRefused, cast_vote
from groundswell.democracy.models import Ballot, BallotPaper, Elector
from groundswell.democracy.queries import turnout
from groundswell.people.models import Person

from .ballot_helpers import PICK, VOTING, open_ballot

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]


def _race(voters: list[int], ballot_id: int) -> tuple[list[str], list[BaseException]]:
    """Each id in `voters` submits from its own thread and connection, all released together."""

    def voter(person_id: int) -> Callable[[], Callable[[], str]]:
        def ready() -> Callable[[], str]:
            person, ballot = Person.objects.get(pk=person_id), Ballot.objects.get(pk=ballot_id)
            return partial(cast_vote, person, ballot, {1: 1 + person_id % 3}, VOTING)

        return ready

    outcomes = at_once([voter(pk) for pk in voters])
    codes = [o for o in outcomes if isinstance(o, str)]
    return codes, [o for o in outcomes if isinstance(o, BaseException)]


def test_twenty_simultaneous_submissions_by_one_person_make_exactly_one_paper() -> None:
    ballot, (ada,) = open_ballot([PICK], 1)
    codes, errors = _race([ada.pk] * 20, ballot.pk)
    assert len(codes) == 1
    assert len(errors) == 19 and all(isinstance(e, VoteRefused) for e in errors)
    assert BallotPaper.objects.filter(ballot=ballot).count() == 1
    assert Elector.objects.get(ballot=ballot, person=ada).voted


def test_many_people_voting_at_once_all_get_a_paper() -> None:
    ballot, people = open_ballot([PICK], 20)
    codes, errors = _race([p.pk for p in people], ballot.pk)
    assert errors == []
    assert len(set(codes)) == 20
    assert BallotPaper.objects.filter(ballot=ballot).count() == 20
    assert (turnout(ballot).voted, turnout(ballot).electorate) == (20, 20)
