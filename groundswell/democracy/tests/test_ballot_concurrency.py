"""Simultaneous submissions on PostgreSQL: one person submitting many times at once gets exactly one
paper; many people voting at once all get theirs."""

import threading
from collections.abc import Callable

import pytest
from django.db import connection, connections

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
    barrier = threading.Barrier(len(voters))
    codes: list[str] = []
    errors: list[BaseException] = []

    def submit(person_id: int) -> None:
        try:
            person, ballot = Person.objects.get(pk=person_id), Ballot.objects.get(pk=ballot_id)
            barrier.wait()
            codes.append(cast_vote(person, ballot, {1: 1 + person_id % 3}, VOTING))
        except BaseException as exc:  # surfaced by the tests
            errors.append(exc)
        finally:
            connections.close_all()

    _run([lambda pk=pk: submit(pk) for pk in voters])  # type: ignore[misc]
    return codes, errors


def _run(jobs: list[Callable[[], None]]) -> None:
    threads = [threading.Thread(target=job) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


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
