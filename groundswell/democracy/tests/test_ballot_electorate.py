"""freeze_electorate and create_ballot: the electorate is whoever the ballot named at its cut-off,
frozen once, listed for organisers; only those allowed may hold a ballot of a group or of everyone."""

from datetime import timedelta

import pytest

from groundswell.accounts.models import Role
from groundswell.core.testing import GroupFactory, add_member, make_user
from groundswell.democracy.actions import (
    BallotError,
    ElectorateError,
    create_ballot,
    freeze_electorate,
)
from groundswell.democracy.models import Ballot, Elector
from groundswell.democracy.queries import electorate_list, get_ballot_for_organiser
from groundswell.groups.models import Group, Membership
from groundswell.searches.models import SavedSearch

from .ballot_helpers import (
    CUT_OFF,
    FREEZING,
    OPENS,
    TIMES,
    YES_NO,
    member,
    national_organiser,
)

pytestmark = pytest.mark.django_db


def _group() -> Group:
    group: Group = GroupFactory()  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return group


def test_all_members_means_members_who_joined_by_the_cut_off() -> None:
    early, on_the_day = member(), member(joined=CUT_OFF.date())
    member(joined=CUT_OFF.date() + timedelta(days=1))
    member(status="supporter")
    ballot = create_ballot(national_organiser(), "AGM", TIMES, [YES_NO])
    assert freeze_electorate(ballot, FREEZING) == 2
    assert set(electorate_list(ballot)) == {early, on_the_day}


def test_a_group_ballot_is_for_those_in_the_group_by_the_cut_off() -> None:
    group, chair = _group(), member()
    organiser = make_user(person=chair)
    Membership.objects.create(
        group=group, person=chair, role=Membership.Role.ORGANISER, joined_at=CUT_OFF
    )
    before, after = member(), member()
    Membership.objects.create(group=group, person=before, joined_at=CUT_OFF - timedelta(days=1))
    Membership.objects.create(group=group, person=after, joined_at=CUT_OFF + timedelta(minutes=5))
    add_member(_group(), member())  # another group's member
    ballot = create_ballot(organiser, "Group AGM", TIMES, [YES_NO], group=group)
    freeze_electorate(ballot, FREEZING)
    assert set(electorate_list(ballot)) == {before, chair}
    assert get_ballot_for_organiser(organiser, ballot.pk) == ballot


def test_a_search_ballot_is_for_the_searchs_audience_as_its_owner_sees_it() -> None:
    owner = national_organiser()
    members = [member(), member()]
    member(status="supporter")
    search = SavedSearch.objects.create(
        name="Members",
        owner=owner,
        definition={"all": [{"filter": "membership", "status": "member"}]},
    )
    ballot = create_ballot(owner, "Members' poll", TIMES, [YES_NO], search=search)
    freeze_electorate(ballot, FREEZING)
    assert set(electorate_list(ballot)) == set(members) | {owner.person}


def test_the_electorate_is_frozen_once_between_cut_off_and_opening() -> None:
    ballot = create_ballot(national_organiser(), "AGM", TIMES, [YES_NO])
    with pytest.raises(ElectorateError, match="after the cut-off"):
        freeze_electorate(ballot, CUT_OFF - timedelta(seconds=1))
    with pytest.raises(ElectorateError, match="has opened"):
        freeze_electorate(ballot, OPENS)
    member()
    freeze_electorate(ballot, FREEZING)
    with pytest.raises(ElectorateError, match="already frozen"):
        freeze_electorate(ballot, FREEZING)
    assert Elector.objects.filter(ballot=ballot).count() == 1


def test_only_national_organisers_hold_a_ballot_of_all_members() -> None:
    with pytest.raises(BallotError, match="national organisers"):
        create_ballot(make_user(Role.MEMBER), "AGM", TIMES, [YES_NO])


def test_only_a_groups_organisers_hold_a_ballot_of_its_members() -> None:
    with pytest.raises(BallotError, match="organisers"):
        create_ballot(make_user(), "Coup", TIMES, [YES_NO], group=_group())


def test_a_ballot_needs_sensible_times_and_questions() -> None:
    from groundswell.democracy.actions import QuestionSpec, Times

    boss = national_organiser()
    backwards = Times(cut_off=CUT_OFF, opens_at=OPENS, closes_at=OPENS)
    with pytest.raises(BallotError, match="before the close"):
        create_ballot(boss, "AGM", backwards, [YES_NO])
    with pytest.raises(BallotError, match="two different options"):
        create_ballot(boss, "AGM", TIMES, [QuestionSpec("Pick", "choose_one", options=("A",))])
    with pytest.raises(BallotError, match="fewer seats"):
        create_ballot(boss, "AGM", TIMES, [QuestionSpec("NEC", "stv", ("A", "B"), seats=2)])
    assert not Ballot.objects.filter(created_by=boss).exists()
