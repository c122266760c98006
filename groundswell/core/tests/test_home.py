"""The front page for visitors, and the member home: my groups, what's next, my details."""

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pytest_django import DjangoAssertNumQueries, Settings

from groundswell.accounts.models import User
from groundswell.accounts.tests.conftest import IN_MEMORY
from groundswell.accounts.tests.helpers import district, new_group, new_person, person_of
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.groups.models import Group, Membership
from groundswell.people.models import PhoneNumber

pytestmark = pytest.mark.django_db

HOME = reverse("core:home")


@pytest.fixture(autouse=True)
def _in_memory_cache_and_tasks(settings: Settings) -> None:
    for name, value in IN_MEMORY.items():
        setattr(settings, name, value)
    cache.clear()


@pytest.fixture
def member() -> User:
    user = make_user()
    person = person_of(user)
    person.given_name, person.postal_code = "Robin", "SW1A 1AA"
    person.email_consent = True
    person.save()
    PhoneNumber.objects.create(person=person, number="+447911123456", primary=True)
    return user


def group_in(code: str, name: str) -> Group:
    place = district(code)
    group = new_group(name=name, lat=place.lat, lng=place.lng)
    group.districts.add(place)
    return group


def test_a_visitor_sees_the_pitch_a_postcode_box_and_a_join_button(client: Client) -> None:
    page = client.get(HOME).text

    assert "Find your local group" in page
    assert f'action="{reverse("groups:find")}"' in page and 'name="postcode"' in page
    assert f'href="{reverse("accounts:sign_up")}"' in page


def test_the_member_home_lists_my_groups_with_my_role(member: User) -> None:
    mine = person_of(member)
    add_member(group_in("SW1A", "Westminster Momentum"), mine, Membership.Role.ORGANISER)
    add_member(group_in("M1", "Manchester Tenants"), mine)

    page = signed_in_client(member).get(HOME).text

    assert "Hello, Robin" in page
    assert 'Westminster Momentum</a>\n              <span class="badge organiser">Organiser' in page
    assert 'Manchester Tenants</a>\n              <span class="badge member">Member' in page


def test_it_suggests_groups_covering_my_postcode_and_nearby_ones_i_have_not_joined(
    member: User,
) -> None:
    add_member(group_in("M1", "Manchester Tenants"), person_of(member))
    group_in("SW1A", "Westminster Momentum")
    group_in("SE1", "Southwark Momentum")

    response = signed_in_client(member).get(HOME)

    home = response.context["home"]
    assert [g.name for g in home.covering] == ["Westminster Momentum"]
    assert "Southwark Momentum" in [g.name for g in home.nearest]
    assert "Manchester Tenants" not in [g.name for g in home.nearest]
    assert "covers your area" in response.text


def test_it_shows_what_is_next_and_my_details_with_consent(member: User) -> None:
    page = signed_in_client(member).get(HOME).text

    assert "signed up for anything yet" in page
    assert member.email in page and "+447911123456" in page and "SW1A 1AA" in page
    assert "Yes, you agreed" in page
    assert f'href="{reverse("accounts:my_details")}"' in page


def test_it_never_shows_other_peoples_personal_data(member: User) -> None:
    group = group_in("SW1A", "Westminster Momentum")
    add_member(group, person_of(member))
    other = new_person(given_name="Zebedee", family_name="Quockerwodger", postal_code="SW1A 2AA")
    add_member(group, other, Membership.Role.ORGANISER)
    PhoneNumber.objects.create(person=other, number="+447400123456")

    page = signed_in_client(member).get(HOME).text

    for secret in ("Zebedee", "Quockerwodger", "SW1A 2AA", "+447400123456"):
        assert secret not in page
    assert other.emails.get().address not in page


def test_until_the_address_is_confirmed_it_hides_the_record_it_may_not_own(member: User) -> None:
    add_member(group_in("M1", "Manchester Tenants"), person_of(member))
    User.objects.filter(pk=member.pk).update(email_confirmed_at=None, date_joined=timezone.now())

    response = signed_in_client(member).get(HOME)

    assert "Please confirm your email address" in response.text
    assert response.context["home"].memberships == []
    assert "You're not in a group yet" in response.text
    assert "+447911123456" not in response.text


def test_the_home_page_takes_a_bounded_number_of_queries(
    member: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for n in range(8):
        add_member(group_in("SW1A", f"Group {n}"), person_of(member))
        group_in("SE1", f"Nearby {n}")
    client = signed_in_client(member)

    with django_assert_max_num_queries(20):
        client.get(HOME)
