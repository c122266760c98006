"""The public page of a group and the members' page: what each visitor sees, and who is refused."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from groundswell.accounts.models import User
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.groups.models import Group, Membership

from .helpers import DistrictMaker, SeatOf, email_of, new_group, person_of

pytestmark = pytest.mark.django_db

PAGE = reverse("groups:detail", args=["hackney"])
MEMBERS_PAGE = reverse("groups:members_page", args=["hackney"])


@pytest.fixture
def described(
    group: Group, organiser: User, member: User, district: DistrictMaker, seat_of: SeatOf
) -> Group:
    group.description = "We organise in Hackney."
    group.members_info = "We meet on Tuesdays at the library."
    group.save()
    sw1a = district("SW1A")
    group.districts.add(sw1a)
    group.constituencies.add(seat_of(sw1a))
    return group


def test_the_public_page_shows_facts_and_organisers_first_names_only(
    client: Client, described: Group, organiser: User
) -> None:
    html = client.get(PAGE).content.decode()

    person = person_of(organiser)
    assert "We organise in Hackney." in html
    assert "SW1A" in html and described.constituencies.get().name in html
    assert "<dd>2</dd>" in html  # members
    assert escape(person.given_name) in html
    assert escape(person.family_name) not in html
    assert email_of(person) not in html
    assert "Tuesdays" not in html


def test_someone_signed_out_is_offered_sign_up_that_comes_back(
    client: Client, described: Group
) -> None:
    html = client.get(PAGE).content.decode()

    assert "/accounts/sign-up/?next=/groups/hackney/" in html


def test_a_signed_in_visitor_gets_a_one_click_join_button(described: Group) -> None:
    html = signed_in_client(make_user()).get(PAGE).content.decode()

    assert 'action="/groups/hackney/join/"' in html


def test_a_member_sees_leave_and_the_members_page_link(described: Group, member: User) -> None:
    html = signed_in_client(member).get(PAGE).content.decode()

    assert 'action="/groups/hackney/leave/"' in html
    assert "/groups/hackney/members/" in html
    assert "/manage/" not in html


def test_an_inactive_group_has_no_public_page(client: Client) -> None:
    new_group(slug="closed", is_active=False)

    assert client.get(reverse("groups:detail", args=["closed"])).status_code == 404


def test_a_plain_member_sees_the_members_page_but_no_member_list(
    described: Group, member: User, organiser: User
) -> None:
    other = person_of(make_user())
    add_member(described, other)

    text = signed_in_client(member).get(MEMBERS_PAGE).content.decode()

    assert "We meet on Tuesdays at the library." in text
    assert escape(person_of(organiser).full_name) in text  # the organiser to contact
    assert email_of(person_of(organiser)) in text
    assert escape(other.family_name) not in text
    assert email_of(other) not in text


def test_the_group_address_replaces_organisers_own_addresses(
    described: Group, member: User, organiser: User
) -> None:
    described.contact_email = "hackney@example.org"
    described.save()

    text = signed_in_client(member).get(MEMBERS_PAGE).content.decode()

    assert "hackney@example.org" in text
    assert email_of(person_of(organiser)) not in text


def test_a_non_member_is_refused_the_members_page(described: Group) -> None:
    response = signed_in_client(make_user()).get(MEMBERS_PAGE)

    assert response.status_code == 403
    assert "Tuesdays" not in response.content.decode()


def test_an_organiser_of_another_group_is_refused_the_members_page(described: Group) -> None:
    elsewhere = make_user()
    add_member(new_group(), person_of(elsewhere), Membership.Role.ORGANISER)

    response = signed_in_client(elsewhere).get(MEMBERS_PAGE)

    assert response.status_code == 403


def test_someone_signed_out_must_sign_in_for_the_members_page(
    client: Client, described: Group
) -> None:
    response = client.get(MEMBERS_PAGE)

    assert response.status_code == 302
    assert "Tuesdays" not in response.content.decode()
