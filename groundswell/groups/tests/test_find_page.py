import pytest
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries

from groundswell.core.testing import add_member
from groundswell.groups.models import GroupKind

from .helpers import DistrictMaker, GroupAt, new_group, new_person

pytestmark = pytest.mark.django_db

FIND = reverse("groups:find")


def _names_in_order(html: str, *names: str) -> bool:
    positions = [html.index(name) for name in names]
    return positions == sorted(positions)


def test_a_postcode_shows_the_covering_group_then_the_nearest_with_distances(
    client: Client, district: DistrictMaker, group_at: GroupAt
) -> None:
    group_at(district("SW1A"), name="Westminster Groundswell")
    group_at(district("M1"), covers=False, name="Manchester Groundswell")
    group_at(district("SE1"), covers=False, name="Southwark Groundswell")

    html = client.get(FIND, {"postcode": "sw1a1aa"}).content.decode()

    assert "Groups covering SW1A 1AA" in html
    assert _names_in_order(
        html, "Westminster Groundswell", "Nearest other groups", "Southwark", "Manchester"
    )
    assert "km away" in html


def test_a_mistyped_postcode_gets_a_clear_message_and_a_suggestion(
    client: Client, district: DistrictMaker
) -> None:
    district("SW1A")

    html = client.get(FIND, {"postcode": "SW1A OAA"}).content.decode()

    assert 'role="alert"' in html
    assert "Did you mean SW1A 0AA?" in html
    assert 'href="?postcode=SW1A+0AA"' in html


def test_an_unknown_area_is_reported(client: Client) -> None:
    html = client.get(FIND, {"postcode": "YY1 1AA"}).content.decode()

    assert 'role="alert"' in html
    assert "recognise the postcode area YY1" in html


def test_htmx_gets_only_the_results(
    client: Client, district: DistrictMaker, group_at: GroupAt
) -> None:
    group_at(district("SW1A"), name="Westminster Groundswell")

    response = client.get(FIND, {"postcode": "SW1A 1AA"}, headers={"HX-Request": "true"})

    html = response.content.decode()
    assert html.lstrip().startswith('<div id="results"')
    assert "Westminster Groundswell" in html
    assert "<html" not in html


def test_browsing_by_kind_lists_only_that_kind_with_member_counts(client: Client) -> None:
    unite = new_group(name="Unite members", kind=GroupKind.UNION)
    add_member(unite, new_person())
    new_group(name="Leeds Groundswell", kind=GroupKind.LOCAL)

    html = client.get(FIND, {"kind": "union"}).content.decode()

    assert "Unite members" in html and "1 member" in html
    assert "Leeds Groundswell" not in html


def test_searching_by_name_finds_matching_active_groups_only(client: Client) -> None:
    new_group(name="Bristol Groundswell")
    new_group(name="Bristol renters", is_active=False)
    new_group(name="Leeds Groundswell")

    html = client.get(FIND, {"q": "bristol"}).content.decode()

    assert "Bristol Groundswell" in html
    assert "Bristol renters" not in html and "Leeds" not in html


def test_the_find_page_takes_few_queries_however_many_groups(
    client: Client,
    district: DistrictMaker,
    group_at: GroupAt,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for code in ("SW1A", "SE1", "SW9", "N1", "E1", "M1", "BS1", "EH1"):
        group = group_at(district(code), name=f"{code} group")
        add_member(group, new_person())

    with django_assert_max_num_queries(14):
        response = client.get(FIND, {"postcode": "SW1A 1AA", "kind": "local"})

    assert "SW1A group" in response.content.decode()
