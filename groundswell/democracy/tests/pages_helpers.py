"""Shared set-up for the ballot page tests (no tests here): a signed-in elector whose account owns
their person record, a closed ballot with votes cast, and a ranked question."""

from django.test import Client
from freezegun import freeze_time

from groundswell.accounts.models import Role, User
from groundswell.core.testing import make_user, signed_in_client
from groundswell.democracy.actions import QuestionSpec, cast_vote
from groundswell.democracy.models import Ballot
from groundswell.democracy.tests.ballot_helpers import VOTING
from groundswell.people.models import Person

RANKED = QuestionSpec("Chair", "irv", options=("Asha", "Ben", "Cleo"))
STV = QuestionSpec("Committee", "stv", options=("Dee", "Eli", "Fay", "Gus"), seats=2)


def elector_user(person: Person) -> User:
    """An account that has proved its email address (make_user's default), so it acts as `person`."""
    return make_user(Role.MEMBER, person=person)


def elector_client(person: Person) -> Client:
    return signed_in_client(elector_user(person))


def vote_all(ballot: Ballot, people: list[Person], answers: list[dict[int, object]]) -> list[str]:
    """Cast each person's answers during voting; the receipt codes, in order."""
    with freeze_time(VOTING):
        return [cast_vote(p, ballot, a, VOTING) for p, a in zip(people, answers, strict=True)]
