"""The list of saved searches, a search's people, its export and deleting it, as an organiser uses
them; and nobody without a personal-data role gets in."""

from typing import Any

import pytest
from django.urls import reverse

from groundswell.core.testing import add_member, signed_in_client, verified_client
from groundswell.people.models import ExportRecord, Tag
from groundswell.searches.models import SavedSearch
from groundswell.searches.tests.fixtures import Movement, assignment, new_person, saved

pytestmark = pytest.mark.django_db


@pytest.fixture
def stewards(movement: Movement) -> SavedSearch:
    tag = Tag.objects.create(name="steward")
    for person in (movement.ada, movement.bea, movement.cal):
        person.tags.add(tag)
    return saved(movement.organiser_a, {"filter": "tag", "tag": tag.pk}, name="Stewards")


def test_the_list_shows_my_searches_and_shared_ones_with_their_counts(
    movement: Movement, stewards: SavedSearch
) -> None:
    saved(movement.organiser_b, {"all": []}, name="Shared by Otto", group=movement.group_a)
    saved(movement.organiser_b, {"all": []}, name="Otto's private")
    saved(movement.organiser_a, {"filter": "tag", "tag": 999999}, name="Broken one")
    page = verified_client(movement.organiser_a).get(reverse("searches:list")).content.decode()
    assert "Stewards" in page and "Shared by Otto" in page and "Broken one" in page
    assert "Otto's private" not in page
    flat = " ".join(page.split())
    assert "<strong>2</strong>" in flat  # Stewards: Ada and Cal, not Bea
    assert "<strong>4</strong>" in flat  # everyone in group A
    assert "Needs fixing" in flat and "Tag 999999 does not exist" in flat


def test_the_list_costs_the_same_few_queries_for_each_search(
    movement: Movement, stewards: SavedSearch
) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = verified_client(movement.organiser_a)
    client.get(reverse("searches:list"))  # warm the session

    def queries() -> int:
        with CaptureQueriesContext(connection) as done:
            client.get(reverse("searches:list"))
        return len(done)

    one = queries()
    for n in range(3):
        saved(movement.organiser_a, stewards.definition, name=f"Copy {n}")
    # Each search more: its tag looked up, then its one count query.
    assert queries() == one + 3 * 2


def test_a_searchs_people_are_listed_in_pages_as_the_organiser_sees_them(
    movement: Movement, stewards: SavedSearch
) -> None:
    tag = Tag.objects.get(name="steward")
    for n in range(55):
        person = new_person(given_name=f"P{n:02d}", family_name=f"Zz{n:02d}")
        person.tags.add(tag)
        add_member(movement.group_a, person)
    client = verified_client(movement.organiser_a)
    first = client.get(reverse("searches:people", args=[stewards.pk])).content.decode()
    assert "57 people match" in first
    assert "Ada Adams" in first and "Bea Brown" not in first
    assert "P47" in first and "P48" not in first  # 50 a page, in name order: Adams, Clark, Zz00-47
    next_url = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = client.get(
        reverse("searches:people", args=[stewards.pk]) + next_url, headers={"HX-Request": "true"}
    )
    html = second.content.decode()
    assert "P54" in html and "Ada Adams" not in html
    assert "<h1>" not in html  # htmx gets the results only


def test_the_people_page_is_a_fixed_number_of_queries(
    movement: Movement, stewards: SavedSearch, django_assert_max_num_queries: Any
) -> None:
    tag = Tag.objects.get(name="steward")
    for n in range(60):
        person = new_person(given_name=f"P{n:02d}")
        person.tags.add(tag)
        add_member(movement.group_a, person)
    client = verified_client(movement.organiser_a)
    url = reverse("searches:people", args=[stewards.pk])
    client.get(url)
    # session, user, 2FA device, the role check, the search, its tag lookup, count, page, tags,
    # emails, and the menu's role check, for a full page of 50.
    with django_assert_max_num_queries(11):
        client.get(url)


def test_a_search_that_no_longer_runs_says_why_on_its_page(movement: Movement) -> None:
    broken = saved(movement.organiser_a, {"filter": "tag", "tag": 999999}, name="Broken")
    page = verified_client(movement.organiser_a).get(reverse("searches:people", args=[broken.pk]))
    assert page.status_code == 200
    assert "This search cannot run now" in page.content.decode()


def test_export_asks_first_then_streams_the_people_and_records_it(
    movement: Movement, stewards: SavedSearch
) -> None:
    client = verified_client(movement.organiser_a)
    url = reverse("searches:export", args=[stewards.pk])
    assert "personal data of <strong>2 people</strong>" in client.get(url).content.decode()
    assert not ExportRecord.objects.exists()
    response = client.post(url)
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "Adams" in body and "Clark" in body and "Brown" not in body
    assert len(body.strip().splitlines()) == 1 + 2
    record = ExportRecord.objects.get()
    assert record.row_count == 2 and record.exported_by == movement.organiser_a
    assert record.filters == {"saved_search": f"{stewards.pk}: Stewards"}


def test_delete_asks_then_deletes(movement: Movement, stewards: SavedSearch) -> None:
    client = verified_client(movement.organiser_a)
    url = reverse("searches:delete", args=[stewards.pk])
    assert "Delete “Stewards”?" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("searches:list")
    assert not SavedSearch.objects.filter(pk=stewards.pk).exists()


def test_delete_is_refused_with_a_message_while_calling_uses_it(movement: Movement) -> None:
    calls = assignment(movement.organiser_a, name="Ring the stewards")
    response = verified_client(movement.organiser_a).post(
        reverse("searches:delete", args=[calls.audience_id])
    )
    assert response.status_code == 409
    assert "Ring the stewards" in response.content.decode()
    assert SavedSearch.objects.filter(pk=calls.audience_id).exists()


def _pages(search: SavedSearch) -> list[str]:
    return [
        reverse("searches:list"),
        reverse("searches:new"),
        reverse("searches:people", args=[search.pk]),
        reverse("searches:edit", args=[search.pk]),
        reverse("searches:export", args=[search.pk]),
        reverse("searches:delete", args=[search.pk]),
    ]


def test_a_member_without_an_organiser_role_gets_403_everywhere(
    movement: Movement, stewards: SavedSearch
) -> None:
    client = verified_client(movement.member)
    for url in _pages(stewards):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x", "match": "all"}).status_code == 403, url
    assert SavedSearch.objects.filter(pk=stewards.pk, name="Stewards").exists()


def test_an_organiser_without_a_second_factor_is_sent_to_verify(
    movement: Movement, stewards: SavedSearch
) -> None:
    client = signed_in_client(movement.organiser_a)
    for url in _pages(stewards):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/two-factor/" in response["Location"], url


def test_another_organisers_private_search_is_not_found(movement: Movement) -> None:
    private = saved(movement.organiser_b, {"all": []})
    client = verified_client(movement.organiser_a)
    for url in _pages(private)[2:]:
        assert client.get(url).status_code == 404, url
    assert client.post(reverse("searches:delete", args=[private.pk])).status_code == 404
    assert SavedSearch.objects.filter(pk=private.pk).exists()


def test_a_forged_page_cursor_holding_a_nul_shows_the_first_page(
    movement: Movement, stewards: SavedSearch
) -> None:
    forged = "WyJhXHUwMDAwYiIsICJ4IiwgMV0"  # ["a\u0000b", "x", 1]: PostgreSQL refuses NUL in text
    client = verified_client(movement.organiser_a)
    for key in ("after", "before"):
        response = client.get(reverse("searches:people", args=[stewards.pk]), {key: forged})
        assert response.status_code == 200
        assert "Ada Adams" in response.content.decode()
