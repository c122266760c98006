"""The organiser's manage page: who may open it, the member list, and each change made from it."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from pytest_django import DjangoAssertNumQueries

from groundswell.accounts.models import User
from groundswell.core.testing import add_member, make_user, signed_in_client, verified_client
from groundswell.groups.models import Group, Membership

from .helpers import DistrictMaker, SeatOf, email_of, new_group, new_person, person_of

pytestmark = pytest.mark.django_db

MANAGE = reverse("groups:manage", args=["hackney"])


def _url(name: str, *args: object) -> str:
    return reverse(f"groups:{name}", args=["hackney", *args])


def _role(user: User) -> str:
    return Membership.objects.get(person=user.person).role


def test_an_organiser_sees_members_names_emails_roles(
    group: Group, organiser: User, member: User
) -> None:
    html = verified_client(organiser).get(MANAGE).content.decode()

    for user in (organiser, member):
        assert escape(person_of(user).full_name) in html
        assert email_of(person_of(user)) in html
    assert "Organiser" in html and "Make organiser" in html


def test_it_refuses_an_organiser_of_another_group(group: Group, member: User) -> None:
    elsewhere = make_user()
    add_member(new_group(), person_of(elsewhere), Membership.Role.ORGANISER)
    client = verified_client(elsewhere)
    target = person_of(member).pk

    assert client.get(MANAGE).status_code == 404
    assert client.post(_url("remove_member", target)).status_code == 404
    assert client.post(_url("set_role", target), {"role": "organiser"}).status_code == 404
    assert client.post(_url("edit"), {"description": "Taken over"}).status_code == 404
    assert client.post(_url("add_member"), {"email": email_of(new_person())}).status_code == 404
    assert _role(member) == Membership.Role.MEMBER
    assert Membership.objects.filter(group=group).count() == 1


def test_it_refuses_a_plain_member(group: Group, member: User) -> None:
    response = verified_client(member).get(MANAGE)

    assert response.status_code == 403
    assert email_of(person_of(member)) not in response.content.decode()


def test_an_organiser_without_a_second_factor_is_sent_to_set_it_up(
    group: Group, organiser: User
) -> None:
    response = signed_in_client(organiser).get(MANAGE)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")


def test_a_national_organiser_manages_any_group(group: Group, member: User, national: User) -> None:
    html = verified_client(national).get(MANAGE).content.decode()

    assert escape(person_of(member).full_name) in html


def test_the_manage_page_takes_few_queries_however_many_members(
    group: Group, organiser: User, django_assert_max_num_queries: DjangoAssertNumQueries
) -> None:
    for _ in range(30):
        add_member(group, new_person())
    client = verified_client(organiser)

    with django_assert_max_num_queries(14):
        response = client.get(MANAGE)

    assert response.content.decode().count('id="member-') == 31


def test_promoting_by_htmx_swaps_the_row(group: Group, organiser: User, member: User) -> None:
    response = verified_client(organiser).post(
        _url("set_role", person_of(member).pk),
        {"role": "organiser"},
        headers={"HX-Request": "true"},
    )

    html = response.content.decode()
    assert html.lstrip().startswith(f'<tr id="member-{person_of(member).pk}"')
    assert "Make member" in html
    assert _role(member) == Membership.Role.ORGANISER


def test_the_last_organiser_cannot_demote_themselves_from_the_page(
    group: Group, organiser: User
) -> None:
    response = verified_client(organiser).post(
        _url("set_role", person_of(organiser).pk), {"role": "member"}, follow=True
    )

    assert "needs at least one organiser" in response.content.decode()
    assert _role(organiser) == Membership.Role.ORGANISER


def test_removing_a_member(group: Group, organiser: User, member: User) -> None:
    response = verified_client(organiser).post(_url("remove_member", person_of(member).pk))

    assert response.status_code == 302
    assert not Membership.objects.filter(person=member.person).exists()
    assert person_of(member).history.filter(kind="removed_from_group").exists()


def test_removing_by_htmx_empties_the_row(group: Group, organiser: User, member: User) -> None:
    response = verified_client(organiser).post(
        _url("remove_member", person_of(member).pk), headers={"HX-Request": "true"}
    )

    assert response.content == b""
    assert not Membership.objects.filter(person=member.person).exists()


def test_adding_someone_by_email(group: Group, organiser: User) -> None:
    newcomer = new_person()
    other = new_group(slug="islington")
    add_member(other, person_of(organiser), Membership.Role.ORGANISER)
    add_member(other, newcomer)  # so the organiser already sees them

    verified_client(organiser).post(_url("add_member"), {"email": email_of(newcomer).upper()})

    assert Membership.objects.filter(group=group, person=newcomer).exists()


def test_adding_by_email_someone_the_organiser_cannot_see_neither_adds_nor_reveals_them(
    group: Group, organiser: User
) -> None:
    stranger = new_person()
    client = verified_client(organiser)

    known = client.post(_url("add_member"), {"email": email_of(stranger)})
    unknown = client.post(_url("add_member"), {"email": "nobody@example.org"})

    assert not Membership.objects.filter(person=stranger).exists()
    assert known.status_code == unknown.status_code == 400
    # The same answer as for an address not on record, so it cannot be used to look people up.
    for response in (known, unknown):
        assert "No one with that email address is among the people you can see" in (
            response.content.decode()
        )
    assert client.get(reverse("people:detail", args=[stranger.pk])).status_code == 404


def test_a_national_organiser_adds_anyone_by_email(group: Group, national: User) -> None:
    stranger = new_person()

    verified_client(national).post(_url("add_member"), {"email": email_of(stranger)})

    assert Membership.objects.filter(group=group, person=stranger).exists()


@pytest.mark.parametrize(
    ("name", "param"), [("manage", "q"), ("find_people", "find")], ids=["members", "find"]
)
def test_a_search_with_a_nul_character_is_answered_not_a_server_error(
    group: Group, organiser: User, member: User, name: str, param: str
) -> None:
    response = verified_client(organiser).get(_url(name), {param: "a\x00b"})

    assert response.status_code == 200


def test_adding_an_unknown_email_says_so_and_adds_nobody(group: Group, organiser: User) -> None:
    response = verified_client(organiser).post(_url("add_member"), {"email": "nobody@example.org"})

    assert response.status_code == 400
    assert "No one with that email address" in response.content.decode()
    assert Membership.objects.filter(group=group).count() == 1


def test_a_bad_email_is_refused_with_a_reason(group: Group, organiser: User) -> None:
    response = verified_client(organiser).post(_url("add_member"), {"email": "not an email"})

    assert response.status_code == 400
    assert "not a valid email address" in response.content.decode()


def test_finding_people_offers_only_those_the_organiser_can_see(
    group: Group, organiser: User
) -> None:
    other_group = new_group()
    add_member(other_group, person_of(organiser), Membership.Role.ORGANISER)
    add_member(other_group, new_person(given_name="Zadie"))
    new_person(given_name="Zachary")

    response = verified_client(organiser).get(
        _url("find_people"), {"find": "za"}, headers={"HX-Request": "true"}
    )

    assert "Zadie" in response.content.decode()
    assert "Zachary" not in response.content.decode()


def test_adding_a_found_person_by_id_is_scoped(group: Group, organiser: User) -> None:
    stranger = new_person()

    response = verified_client(organiser).post(_url("add_member"), {"person_id": stranger.pk})

    assert response.status_code == 404
    assert not Membership.objects.filter(person=stranger).exists()


def test_editing_details_and_area(group: Group, organiser: User, district: DistrictMaker) -> None:
    sw1a = district("SW1A")

    verified_client(organiser).post(
        _url("edit"),
        {
            "description": "New words",
            "members_info": "Secret meeting place",
            "contact_email": "",
            "districts": "sw1a",
            "constituencies": "",
        },
    )

    group.refresh_from_db()
    assert group.description == "New words"
    assert list(group.districts.all()) == [sw1a]
    assert (group.lat, group.lng) == (sw1a.lat, sw1a.lng)


def test_an_unknown_district_is_refused_and_nothing_is_saved(group: Group, organiser: User) -> None:
    response = verified_client(organiser).post(
        _url("edit"), {"description": "Changed", "districts": "SW1A, NOPE1"}
    )

    assert response.status_code == 400
    assert "We don&#x27;t know these districts: NOPE1." in response.content.decode()
    group.refresh_from_db()
    assert group.description == ""


def test_constituencies_are_matched_by_name_whatever_the_case(
    group: Group, organiser: User, district: DistrictMaker, seat_of: SeatOf
) -> None:
    seat = seat_of(district("SW1A"))

    verified_client(organiser).post(
        _url("edit"), {"constituencies": f"{seat.name.upper()}\n\n", "districts": ""}
    )

    assert list(group.constituencies.all()) == [seat]


def test_an_unknown_constituency_is_refused(group: Group, organiser: User) -> None:
    response = verified_client(organiser).post(_url("edit"), {"constituencies": "Atlantis"})

    assert response.status_code == 400
    assert "We don&#x27;t know these constituencies: Atlantis." in response.content.decode()
    assert not group.constituencies.exists()


def test_finding_people_works_without_javascript(group: Group, organiser: User) -> None:
    other_group = new_group()
    add_member(other_group, person_of(organiser), Membership.Role.ORGANISER)
    add_member(other_group, new_person(given_name="Zadie"))

    html = verified_client(organiser).get(_url("find_people"), {"find": "zadie"}).content.decode()

    assert "<html" in html and "Zadie" in html
    assert f'action="{_url("add_member")}"' in html
