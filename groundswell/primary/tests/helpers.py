"""Shared set-up for the primary's tests (no tests here): fixed moments, a group primary with its
organiser and members, signed-in clients, and a quick path to a shortlisted, voted ballot."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from freezegun import freeze_time

from groundswell.accounts.models import Role, User
from groundswell.core.testing import (
    GroupFactory,
    PersonFactory,
    add_member,
    make_user,
)
from groundswell.democracy.actions import Times, cast_vote, freeze_electorate
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person
from groundswell.primary.actions import (
    PrimarySpec,
    create_primary,
    shortlist_and_open_ballot,
    submit_proposal,
    support_proposal,
)
from groundswell.primary.models import Primary, Proposal

OPENS = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CLOSES = OPENS + timedelta(days=14)
DURING = OPENS + timedelta(days=2)
BEFORE = OPENS - timedelta(days=1)
AFTER = CLOSES + timedelta(hours=1)
BALLOT = Times(
    cut_off=CLOSES + timedelta(hours=2),
    opens_at=CLOSES + timedelta(days=1),
    closes_at=CLOSES + timedelta(days=8),
)
FREEZING = BALLOT.cut_off + timedelta(minutes=5)
VOTING = BALLOT.opens_at + timedelta(hours=1)
RESULTS = BALLOT.closes_at + timedelta(hours=1)
CATEGORIES = ("Economy", "Housing", "Climate")


def person(status: str = "member") -> Person:
    made: Person = PersonFactory(membership_status=status, member_since=date(2025, 1, 1))  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return made


def spec(**changes: object) -> PrimarySpec:
    values: dict[str, object] = {
        "title": "Conference 2026", "opens_at": OPENS, "closes_at": CLOSES,
        "categories": CATEGORIES, "threshold_kind": "number", "threshold_value": 2,
        "method": "approval", "winners": 2,
    }  # fmt: skip
    values.update(changes)
    return PrimarySpec(**values)  # type: ignore[arg-type]


@dataclass
class World:
    """A group primary: its organiser, members (with accounts), and an outsider in another group."""

    group: Group
    organiser: User
    members: list[User]
    outsider: User
    primary: Primary
    other_organiser: User = field(init=False)


def member_of(group: Group, role: str = Membership.Role.MEMBER) -> User:
    someone = person()
    with freeze_time(OPENS - timedelta(days=30)):
        add_member(group, someone, role)
    return make_user(Role.MEMBER, person=someone)


def world(members: int = 4, **changes: object) -> World:
    group: Group = GroupFactory()  # type: ignore[assignment]
    elsewhere: Group = GroupFactory()  # type: ignore[assignment]
    organiser = member_of(group, Membership.Role.ORGANISER)
    people = [member_of(group) for _ in range(members)]
    outsider = member_of(elsewhere)
    primary = create_primary(organiser, spec(**changes), group=group)
    made = World(group, organiser, people, outsider, primary)
    made.other_organiser = member_of(elsewhere, Membership.Role.ORGANISER)
    return made


def propose(user: User, primary: Primary, title: str, category: str = "Economy") -> Proposal:
    return submit_proposal(user, primary, title, f"The text of {title}.", category, DURING)


def back(proposal: Proposal, supporters: list[User]) -> None:
    for user in supporters:
        support_proposal(user, proposal, DURING)


def shortlisted(w: World, titles: tuple[str, ...] = ("Alpha", "Beta", "Gamma")) -> list[Proposal]:
    """Each title proposed by a different member and backed by the others; then shortlisted."""
    proposals = []
    for author, title in zip(w.members, titles, strict=False):
        proposal = propose(author, w.primary, title)
        back(proposal, [m for m in w.members if m != author])
        proposals.append(proposal)
    shortlist_and_open_ballot(w.organiser, w.primary, BALLOT, AFTER)
    w.primary.refresh_from_db()
    assert w.primary.ballot is not None
    freeze_electorate(w.primary.ballot, FREEZING)
    return proposals


def vote(w: World, answers: list[object]) -> None:
    """Members (then the organiser) vote in order, one answer each, for question 1."""
    voters = [*w.members, w.organiser]
    assert w.primary.ballot is not None
    for user, answer in zip(voters, answers, strict=False):
        assert user.person is not None
        cast_vote(user.person, w.primary.ballot, {1: answer}, VOTING)
