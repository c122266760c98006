"""The live count: htmx posts the editor's fields as they change and gets back "N people match" or
what is wrong, counted as the organiser may see."""

import pytest
from django.urls import reverse

from groundswell.core.testing import verified_client
from groundswell.people.models import Tag
from groundswell.searches.models import SavedSearch
from groundswell.searches.tests.fixtures import Movement, saved

pytestmark = pytest.mark.django_db


def count_html(movement: Movement, data: dict[str, object]) -> str:
    client = verified_client(movement.organiser_a)
    response = client.post(reverse("searches:count"), data, headers={"HX-Request": "true"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.strip().startswith('<p id="live-count"')  # just the partial, for htmx to swap
    return " ".join(html.split())


def test_it_counts_the_people_the_organiser_may_see(movement: Movement) -> None:
    tag = Tag.objects.create(name="steward")
    for person in (movement.ada, movement.bea, movement.cal):
        person.tags.add(tag)
    html = count_html(movement, {"match": "all", "r-0-filter": "tag", "r-0-tag": tag.pk})
    assert "<strong>2</strong> people match" in html  # Ada and Cal; Bea is only in group B


def test_it_says_one_person_in_the_singular(movement: Movement) -> None:
    movement.ada.phone_consent = True
    movement.ada.save()
    html = count_html(movement, {"match": "all", "r-0-filter": "consent", "r-0-channel": "phone"})
    assert "<strong>1</strong> person matches" in html


def test_it_shows_the_validation_error_instead_of_a_count(movement: Movement) -> None:
    html = count_html(
        movement, {"match": "all", "r-0-filter": "near", "r-0-postcode": "", "r-0-km": "5"}
    )
    assert "Rule 1: Lives near rule: the postcode is missing." in html
    assert "match" not in html.replace("Rule", "")


def test_it_refuses_a_cycle_through_the_search_being_edited(movement: Movement) -> None:
    first = saved(movement.organiser_a, {"all": []}, name="First")
    second = saved(movement.organiser_a, {"filter": "in_search", "search": first.pk})
    data = {"editing": first.pk, "match": "all", "r-0-filter": "in_search", "r-0-search": second.pk}
    assert "refers back to itself" in count_html(movement, data)


def test_it_writes_nothing(movement: Movement) -> None:
    count_html(movement, {"name": "Not saved", "match": "all", "save": "1"})
    assert not SavedSearch.objects.exists()


def test_it_is_refused_to_a_member_and_to_get(movement: Movement) -> None:
    member = verified_client(movement.member)
    assert member.post(reverse("searches:count"), {"match": "all"}).status_code == 403
    organiser = verified_client(movement.organiser_a)
    assert organiser.get(reverse("searches:count")).status_code == 405
