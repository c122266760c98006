import pytest
from django.test import Client
from django.urls import reverse

from groundswell.accounts.models import User
from groundswell.core.testing import make_user, signed_in_client
from groundswell.groups.actions import GroupError, join_group, leave_group
from groundswell.groups.models import Group, Membership

from .helpers import new_group, new_person, person_of

pytestmark = pytest.mark.django_db


def test_joining_makes_a_member_and_records_it_in_their_history(group: Group) -> None:
    user = make_user()

    response = signed_in_client(user).post(reverse("groups:join", args=[group.slug]))

    assert response.status_code == 302
    membership = Membership.objects.get(group=group, person=user.person)
    assert membership.role == Membership.Role.MEMBER
    event = person_of(user).history.get(kind="joined_group")
    assert event.summary == "Joined Hackney Groundswell"
    assert event.actor == user


def test_joining_twice_changes_nothing(group: Group) -> None:
    user = make_user()
    client = signed_in_client(user)

    client.post(reverse("groups:join", args=[group.slug]))
    client.post(reverse("groups:join", args=[group.slug]))

    assert Membership.objects.filter(group=group, person=user.person).count() == 1
    assert person_of(user).history.filter(kind="joined_group").count() == 1


def test_joining_keeps_an_organiser_an_organiser(group: Group, organiser: User) -> None:
    join_group(person_of(organiser), group)

    assert Membership.objects.get(person=organiser.person).role == Membership.Role.ORGANISER


def test_someone_not_signed_in_is_sent_to_sign_up_and_back(client: Client, group: Group) -> None:
    response = client.post(reverse("groups:join", args=[group.slug]))

    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-up/?next=%2Fgroups%2Fhackney%2F"
    assert not Membership.objects.exists()


def test_an_inactive_group_cannot_be_joined() -> None:
    closed = new_group(is_active=False)

    with pytest.raises(GroupError):
        join_group(new_person(), closed)
    assert not Membership.objects.exists()


def test_leaving_ends_the_membership_and_records_it(group: Group, member: User) -> None:
    response = signed_in_client(member).post(reverse("groups:leave", args=[group.slug]))

    assert response.status_code == 302
    assert not Membership.objects.filter(person=member.person).exists()
    assert person_of(member).history.filter(kind="left_group", summary="Left Hackney Groundswell")


def test_leaving_a_group_you_are_not_in_changes_nothing(group: Group) -> None:
    person = new_person()

    assert leave_group(person, group) is False
    assert not person.history.filter(kind="left_group").exists()


def test_the_last_organiser_cannot_leave(group: Group, organiser: User, member: User) -> None:
    client = signed_in_client(organiser)

    response = client.post(reverse("groups:leave", args=[group.slug]), follow=True)

    assert Membership.objects.filter(person=organiser.person, group=group).exists()
    assert "needs at least one organiser" in response.content.decode()


def test_leaving_needs_a_signed_in_user(client: Client, group: Group, member: User) -> None:
    response = client.post(reverse("groups:leave", args=[group.slug]))

    assert response.status_code == 302
    assert "sign-in" in response["Location"]
    assert Membership.objects.filter(person=member.person).exists()
