"""Shared set-up for the selection's tests (no tests here): fixed moments, a group selection with
its organiser, members, panel and an outsider, and a quick path to a shortlist and a voted ballot."""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from freezegun import freeze_time

from groundswell.accounts.models import Role, User
from groundswell.core.testing import GroupFactory, PersonFactory, add_member, make_user
from groundswell.democracy.actions import Times, cast_vote, freeze_electorate
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person
from groundswell.selections.actions import (
    SelectionSpec,
    create_selection,
    nominate,
    open_selection_ballot,
    record_decision,
    stand,
)
from groundswell.selections.models import Nomination, Selection

OPENS = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
CLOSES = OPENS + timedelta(days=14)
DURING = OPENS + timedelta(days=2)
BEFORE = OPENS - timedelta(days=1)
AFTER = CLOSES + timedelta(hours=1)
BALLOT = Times(
    cut_off=CLOSES + timedelta(days=2),
    opens_at=CLOSES + timedelta(days=3),
    closes_at=CLOSES + timedelta(days=10),
)
FREEZING = BALLOT.cut_off + timedelta(minutes=5)
VOTING = BALLOT.opens_at + timedelta(hours=1)
RESULTS = BALLOT.closes_at + timedelta(hours=1)


def person(status: str = "member") -> Person:
    made: Person = PersonFactory(membership_status=status, member_since=date(2025, 1, 1))  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return made


def spec(**changes: object) -> SelectionSpec:
    values: dict[str, object] = {
        "post": "Parliamentary candidate, Glasgow East", "nominations_open": OPENS,
        "nominations_close": CLOSES, "nominators_required": 2, "method": "irv", "seats": 1,
    }  # fmt: skip
    values.update(changes)
    return SelectionSpec(**values)  # type: ignore[arg-type]


def member_of(group: Group, role: str = Membership.Role.MEMBER) -> User:
    someone = person()
    with freeze_time(OPENS - timedelta(days=30)):
        add_member(group, someone, role)
    return make_user(Role.MEMBER, person=someone)


@dataclass
class World:
    """A group selection: organiser, members (with accounts), one panel member, and an outsider
    (member of another group) with that group's organiser."""

    group: Group
    organiser: User
    members: list[User]
    panellist: User
    outsider: User
    other_organiser: User
    selection: Selection


def world(members: int = 5, **changes: object) -> World:
    group: Group = GroupFactory()  # type: ignore[assignment]
    elsewhere: Group = GroupFactory()  # type: ignore[assignment]
    organiser = member_of(group, Membership.Role.ORGANISER)
    people = [member_of(group) for _ in range(members)]
    panellist = member_of(group)
    selection = create_selection(organiser, spec(**changes), group=group)
    assert panellist.person is not None
    selection.panel.add(panellist.person)
    outsider = member_of(elsewhere)
    other = member_of(elsewhere, Membership.Role.ORGANISER)
    return World(group, organiser, people, panellist, outsider, other, selection)


def standing(user: User, selection: Selection, nominators: list[User]) -> Nomination:
    nomination = stand(user, selection, f"Why {user.email} should stand.", DURING)
    for backer in nominators:
        nominate(backer, nomination, DURING)
    return nomination


def shortlist(w: World, nomination: Nomination) -> None:
    record_decision(w.panellist, nomination, "longlist", True, "Meets the criteria.", AFTER)
    nomination.refresh_from_db()
    record_decision(w.panellist, nomination, "shortlist", True, "Strong at interview.", AFTER)


def three_shortlisted(w: World) -> list[Nomination]:
    """Members 0, 1 and 2 stand, each nominated by members 3 and 4, and all are shortlisted."""
    backers = w.members[3:5]
    chosen = [standing(m, w.selection, backers) for m in w.members[:3]]
    for nomination in chosen:
        shortlist(w, nomination)
    return chosen


def balloted(w: World) -> list[Nomination]:
    chosen = three_shortlisted(w)
    open_selection_ballot(w.organiser, w.selection, BALLOT, AFTER)
    w.selection.refresh_from_db()
    assert w.selection.ballot is not None
    freeze_electorate(w.selection.ballot, FREEZING)
    for n in chosen:
        n.refresh_from_db()
    return chosen


def vote(w: World, rankings: list[list[int]]) -> None:
    """Members vote in order, each a ranking of option positions, on question 1."""
    assert w.selection.ballot is not None
    for user, ranking in zip(w.members, rankings, strict=False):
        assert user.person is not None
        cast_vote(user.person, w.selection.ballot, {1: ranking}, VOTING)
