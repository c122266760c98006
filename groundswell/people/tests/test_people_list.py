"""The people list: each filter alone and together, keyset pages, htmx fragments and a fixed query count."""

import base64
import json
from typing import Any

import pytest
from django.urls import reverse

from groundswell.core.testing import add_member
from groundswell.geo.models import Constituency
from groundswell.geo.queries import locate
from groundswell.people.models import EmailAddress, Person, Tag
from groundswell.people.tests.fixtures import Movement, new_group, new_person

pytestmark = pytest.mark.django_db


def _names(response: Any) -> list[str]:
    return [p.full_name for p in response.context["listing"].page.rows]


def _place(person: Person, postcode: str) -> Person:
    where = locate(postcode)
    person.postal_code, person.lat, person.lng = where.postal_code, where.lat, where.lng
    person.constituency_id = where.constituency_id
    person.save()
    return person


@pytest.fixture
def people(movement: Movement) -> dict[str, Any]:
    volunteer = Tag.objects.create(name="volunteer")
    donor = Tag.objects.create(name="donor")
    westminster = _place(new_person(given_name="Wes", family_name="Minster"), "SW1A 1AA")
    westminster.tags.add(volunteer)
    islington = _place(
        new_person(given_name="Isla", family_name="Ington", membership_status="lapsed"), "N1 9GU"
    )
    islington.tags.add(volunteer, donor)
    manc = _place(new_person(given_name="Manny", family_name="Chester"), "M1 1AE")
    manc.tags.add(volunteer)
    EmailAddress.objects.create(person=manc, address="red.flag@example.net")
    return {
        "volunteer": volunteer,
        "donor": donor,
        "westminster": westminster,
        "islington": islington,
        "manc": manc,
    }


def _get(movement: Movement, **params: Any) -> Any:
    return movement.client(movement.national).get(reverse("people:list"), params)


def test_search_matches_the_start_of_names_and_emails(
    movement: Movement, people: dict[str, Any]
) -> None:
    assert _names(_get(movement, q="mann")) == ["Manny Chester"]
    assert _names(_get(movement, q="isla ing")) == ["Isla Ington"]
    assert _names(_get(movement, q="red.flag@")) == ["Manny Chester"]
    assert _names(_get(movement, q="nobody-like-this")) == []


def test_tag_filter(movement: Movement, people: dict[str, Any]) -> None:
    assert _names(_get(movement, tag="donor")) == ["Isla Ington"]
    assert set(_names(_get(movement, tag="volunteer"))) == {
        "Wes Minster",
        "Isla Ington",
        "Manny Chester",
    }


def test_group_filter(movement: Movement, people: dict[str, Any]) -> None:
    add_member(movement.group_b, people["manc"])
    assert _names(_get(movement, group=movement.group_b.pk)) == [
        "Bea Brown",
        "Manny Chester",
        "Cal Clark",
    ]


def test_membership_status_filter(movement: Movement, people: dict[str, Any]) -> None:
    assert _names(_get(movement, status="lapsed")) == ["Isla Ington"]


def test_constituency_filter(movement: Movement, people: dict[str, Any]) -> None:
    seat = Constituency.objects.get(pk=people["manc"].constituency_id)
    assert _names(_get(movement, constituency=seat.code)) == ["Manny Chester"]


def test_postcode_distance_filter(movement: Movement, people: dict[str, Any]) -> None:
    # Westminster to Islington is about 4 km; Manchester is 260 km away.
    assert _names(_get(movement, postcode="SW1A 1AA", km=2)) == ["Wes Minster"]
    assert _names(_get(movement, postcode="sw1a1aa", km=10)) == ["Isla Ington", "Wes Minster"]


def test_filters_combine(movement: Movement, people: dict[str, Any]) -> None:
    seat = Constituency.objects.get(pk=people["islington"].constituency_id)
    assert _names(_get(movement, tag="volunteer", constituency=seat.code)) == ["Isla Ington"]
    assert _names(_get(movement, tag="volunteer", postcode="SW1A 1AA", km=10, status="member")) == [
        "Wes Minster"
    ]
    assert _names(_get(movement, tag="donor", status="member")) == []


def test_a_bad_postcode_is_explained_and_lists_nobody(
    movement: Movement, people: dict[str, Any]
) -> None:
    response = _get(movement, postcode="ZZ99 9ZZ")
    assert response.context["listing"] is None
    assert response.context["form"].errors["postcode"]
    html = response.content.decode()
    assert "Please check the filters" in html and "ZZ99 9ZZ" in html


def test_the_group_menu_offers_only_groups_the_user_organises(movement: Movement) -> None:
    response = movement.client(movement.organiser_a).get(reverse("people:list"))
    offered = [g.name for g in response.context["form"].fields["group"].queryset]
    assert offered == ["Alpha Group"]


def test_keyset_pages_walk_forward_and_back_over_everyone_once(movement: Movement) -> None:
    group = new_group()
    for n in range(23):
        add_member(group, new_person(given_name=f"P{n % 3}", family_name="Same"))
    client = movement.client(movement.national)
    seen, params = [], {"group": group.pk, "per_page": 25}
    response = client.get(reverse("people:list"), params)
    assert response.context["listing"].count == 23
    first = [p.pk for p in response.context["listing"].page.rows]
    assert len(first) == 23 and response.context["listing"].page.next_cursor is None
    # Smaller pages: 23 people over pages of 25 is one page, so use the cursor maths with a 10-row page.
    from groundswell.people.keyset import keyset_page
    from groundswell.people.models import Person

    qs = Person.objects.filter(memberships__group=group)
    page = keyset_page(qs, 10)
    pages = [page]
    while page.next_cursor:
        page = keyset_page(qs, 10, after=page.next_cursor)
        pages.append(page)
    seen = [p.pk for page in pages for p in page.rows]
    assert seen == first and [len(p.rows) for p in pages] == [10, 10, 3]
    back = keyset_page(qs, 10, before=pages[2].prev_cursor)
    assert [p.pk for p in back.rows] == [p.pk for p in pages[1].rows]
    assert back.prev_cursor is not None and back.next_cursor is not None
    assert keyset_page(qs, 10, before=back.prev_cursor).prev_cursor is None


def test_next_page_link_continues_where_the_last_page_ended(movement: Movement) -> None:
    group = new_group()
    for n in range(30):
        add_member(group, new_person(given_name=f"G{n:02d}", family_name="Row"))
    client = movement.client(movement.national)
    first = client.get(reverse("people:list"), {"group": group.pk, "per_page": 25})
    cursor = first.context["listing"].page.next_cursor
    assert f"after={cursor}" in first.content.decode()
    second = client.get(
        reverse("people:list"), {"group": group.pk, "per_page": 25, "after": cursor}
    )
    assert _names(second) == [f"G{n:02d} Row" for n in range(25, 30)]


def test_a_mangled_cursor_shows_the_first_page(movement: Movement, people: dict[str, Any]) -> None:
    response = _get(movement, after="not-a-cursor", tag="donor")
    assert _names(response) == ["Isla Ington"]


@pytest.mark.parametrize("key", [["a\u0000b", "x", 1], ["a", "b", 2**70]])
def test_a_forged_cursor_shows_the_first_page(
    movement: Movement, people: dict[str, Any], key: list[Any]
) -> None:
    # A NUL in text or a number past a bigint would make PostgreSQL refuse the query (a 500).
    forged = base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")
    response = _get(movement, after=forged, tag="donor")
    assert response.status_code == 200
    assert _names(response) == ["Isla Ington"]


def test_htmx_gets_only_the_results_fragment(movement: Movement, people: dict[str, Any]) -> None:
    client = movement.client(movement.national)
    response = client.get(reverse("people:list"), {"tag": "donor"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "Isla Ington" in html
    assert "<html" not in html and 'name="q"' not in html


@pytest.mark.parametrize("per_page", [25, 100])
def test_the_list_costs_the_same_few_queries_whatever_the_page_size(
    movement: Movement, django_assert_max_num_queries: Any, per_page: int
) -> None:
    group = new_group()
    tags = [Tag.objects.create(name=f"t{n}") for n in range(3)]
    for n in range(120):
        person = new_person()
        person.tags.add(*tags[: n % 4])
        add_member(group, person)
    client = movement.client(movement.national)
    client.get(reverse("people:list"))  # warm the session and the OTP device
    with django_assert_max_num_queries(12):
        response = client.get(reverse("people:list"), {"group": group.pk, "per_page": per_page})
    assert len(response.context["listing"].page.rows) == per_page


def test_a_huge_list_shows_a_capped_count(
    movement: Movement, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("groundswell.people.queries.COUNT_CAP", 3)
    response = _get(movement)
    assert response.context["listing"].more_than_count
    assert "More than 3 people" in response.content.decode()


def test_big_results_page_the_same_way_as_small_ones(
    movement: Movement, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = new_group()
    for n in range(30):
        add_member(group, new_person(given_name=f"B{n:02d}", family_name="Big"))
    client = movement.client(movement.national)
    monkeypatch.setattr("groundswell.people.queries.FEW", 1)  # as if 30 people were a crowd
    params: dict[str, Any] = {"group": group.pk, "per_page": 25}
    first = client.get(reverse("people:list"), params)
    cursor = first.context["listing"].page.next_cursor
    second = client.get(reverse("people:list"), {**params, "after": cursor})
    assert first.context["listing"].count == 30
    assert _names(first) + _names(second) == [f"B{n:02d} Big" for n in range(30)]
