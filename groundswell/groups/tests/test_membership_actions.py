"""The organiser's actions on a group's members, called directly: rights, roles, history."""

import pytest
from django.core.exceptions import PermissionDenied

from groundswell.accounts.models import User
from groundswell.core.testing import add_member, make_user
from groundswell.groups import actions
from groundswell.groups.actions import GroupError, create_group, remove_member, set_role
from groundswell.groups.models import Group, GroupKind, Membership

from .helpers import DistrictMaker, new_group, new_person, person_of

pytestmark = pytest.mark.django_db

ORGANISER = Membership.Role.ORGANISER
MEMBER = Membership.Role.MEMBER


def _role(user: User) -> str:
    return Membership.objects.get(person=user.person).role


def test_an_organiser_adds_a_member_with_a_history_event(group: Group, organiser: User) -> None:
    person = new_person()

    membership, created = actions.add_member(organiser, group, person)

    assert created and membership.role == MEMBER
    event = person.history.get(kind="added_to_group")
    assert event.summary == "Added to Hackney Groundswell"
    assert event.actor == organiser


def test_adding_someone_already_in_the_group_leaves_them_as_they_are(
    group: Group, organiser: User, member: User
) -> None:
    membership, created = actions.add_member(organiser, group, person_of(member), ORGANISER)

    assert not created
    assert membership.role == MEMBER


def test_it_refuses_an_organiser_of_another_group(group: Group) -> None:
    outsider = make_user()
    add_member(new_group(), person_of(outsider), ORGANISER)
    person = new_person()
    add_member(group, person)

    with pytest.raises(PermissionDenied):
        actions.add_member(outsider, group, new_person())
    with pytest.raises(PermissionDenied):
        remove_member(outsider, group, person)
    with pytest.raises(PermissionDenied):
        set_role(outsider, group, person, ORGANISER)
    assert list(Membership.objects.filter(group=group).values_list("role", flat=True)) == [MEMBER]


def test_a_plain_member_cannot_manage_their_own_group(group: Group, member: User) -> None:
    with pytest.raises(PermissionDenied):
        set_role(member, group, person_of(member), ORGANISER)
    assert _role(member) == MEMBER


def test_promoting_and_demoting_are_recorded(group: Group, organiser: User, member: User) -> None:
    set_role(organiser, group, person_of(member), ORGANISER)
    set_role(organiser, group, person_of(member), MEMBER)

    history = person_of(member).history.filter(kind="group_role")
    assert sorted(history.values_list("summary", flat=True)) == [
        "Made an organiser of Hackney Groundswell",
        "No longer an organiser of Hackney Groundswell",
    ]


def test_the_last_organiser_cannot_demote_themselves(group: Group, organiser: User) -> None:
    with pytest.raises(GroupError, match="at least one organiser"):
        set_role(organiser, group, person_of(organiser), MEMBER)

    assert _role(organiser) == ORGANISER
    assert not person_of(organiser).history.filter(kind="group_role").exists()


def test_an_organiser_can_step_down_once_there_is_another(
    group: Group, organiser: User, member: User
) -> None:
    set_role(organiser, group, person_of(member), ORGANISER)

    set_role(organiser, group, person_of(organiser), MEMBER)

    assert _role(organiser) == MEMBER


def test_the_last_organiser_cannot_be_removed_by_a_fellow_organiser(
    group: Group, organiser: User
) -> None:
    with pytest.raises(GroupError):
        remove_member(organiser, group, person_of(organiser))
    assert Membership.objects.filter(person=organiser.person).exists()


def test_a_national_organiser_may_leave_a_group_without_organisers(
    group: Group, organiser: User, national: User
) -> None:
    set_role(national, group, person_of(organiser), MEMBER)

    assert not Membership.objects.filter(group=group, role=ORGANISER).exists()


def test_removing_someone_not_in_the_group_says_so(group: Group, organiser: User) -> None:
    with pytest.raises(GroupError, match="not a member"):
        remove_member(organiser, group, new_person())


def test_an_unknown_role_is_refused(group: Group, organiser: User, member: User) -> None:
    with pytest.raises(GroupError):
        set_role(organiser, group, person_of(member), "boss")
    assert _role(member) == MEMBER


def test_a_national_organiser_creates_a_group_with_its_first_organiser(
    national: User, district: DistrictMaker
) -> None:
    founder = new_person()
    sw1a = district("SW1A")

    group = create_group(
        national, name="Westminster Groundswell", districts=[sw1a], organiser=founder
    )

    assert group.slug == "westminster-groundswell"
    assert (group.lat, group.lng) == (sw1a.lat, sw1a.lng)
    assert Membership.objects.get(group=group).role == ORGANISER
    assert founder.history.filter(kind="added_to_group").exists()
    again = create_group(national, name="Westminster Groundswell", kind=GroupKind.ACTION)
    assert again.slug == "westminster-groundswell-2"


def test_only_national_roles_create_groups(organiser: User) -> None:
    with pytest.raises(PermissionDenied):
        create_group(organiser, name="My own group")
    assert Group.objects.count() == 1


def test_a_group_needs_a_name(national: User) -> None:
    with pytest.raises(GroupError):
        create_group(national, name="  ")
    assert not Group.objects.exists()
