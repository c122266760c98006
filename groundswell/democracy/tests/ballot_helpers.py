"""Shared set-up for the ballot tests (no tests here): a national organiser's ballot with fixed times,
an electorate of members frozen at the cut-off, and moments before, during and after voting."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from groundswell.accounts.models import Role, User
from groundswell.core.testing import PersonFactory, make_user
from groundswell.democracy.actions import QuestionSpec, Times, create_ballot, freeze_electorate
from groundswell.democracy.models import Ballot
from groundswell.people.models import Person

CUT_OFF = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
OPENS = CUT_OFF + timedelta(days=2)
CLOSES = OPENS + timedelta(days=7)
FREEZING = CUT_OFF + timedelta(hours=1)
VOTING = OPENS + timedelta(days=1)
AFTER = CLOSES + timedelta(minutes=1)
TIMES = Times(cut_off=CUT_OFF, opens_at=OPENS, closes_at=CLOSES)

YES_NO = QuestionSpec("Adopt the new rules?", "yes_no_abstain", threshold="simple")
PICK = QuestionSpec("Conference venue", "choose_one", options=("Leeds", "Cardiff", "Glasgow"))


def member(joined: date = date(2025, 1, 1), status: str = "member") -> Person:
    person: Person = PersonFactory(membership_status=status, member_since=joined)  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return person


def national_organiser() -> User:
    return make_user(Role.NATIONAL_ORGANISER)


def open_ballot(questions: Sequence[QuestionSpec], voters: int) -> tuple[Ballot, list[Person]]:
    """A ballot of all members with `voters` members on its frozen electorate."""
    people = [member() for _ in range(voters)]
    ballot = create_ballot(national_organiser(), "Spring ballot", TIMES, questions)
    freeze_electorate(ballot, FREEZING)
    return ballot, people
