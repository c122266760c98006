"""In a real browser (headless Chromium, desktop): an organiser builds a search rule by rule, watches
the live count follow each change, saves it and sees its people."""

from typing import Any

import pytest

from groundswell.core.testing import verified_client
from groundswell.people.models import Tag
from groundswell.searches.models import SavedSearch
from groundswell.searches.tests.fixtures import build_movement

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organiser_builds_a_search_with_a_live_count_and_saves_it(
    desktop_page: Any, live_server: Any
) -> None:
    movement = build_movement()
    tag = Tag.objects.create(name="steward")
    movement.ada.tags.add(tag)
    session = verified_client(movement.organiser_a).cookies["sessionid"].value
    page = desktop_page
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])

    page.goto("/searches/new/")
    page.get_by_text("4 people match").wait_for()  # no rules: everyone in group A
    page.get_by_label("Name").fill("Stewards")
    page.get_by_label("Add a rule:").select_option(label="Has tag")
    page.get_by_role("button", name="Add a rule").click()
    page.get_by_label("Tag", exact=True).select_option(label="steward")
    page.get_by_text("1 person matches").wait_for()  # htmx, on change
    page.get_by_label("is not: leave out the people this rule finds").check()
    page.get_by_text("3 people match").wait_for()
    page.get_by_label("is not: leave out the people this rule finds").uncheck()
    page.get_by_text("1 person matches").wait_for()
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_role("heading", name="Stewards").wait_for()
    assert page.get_by_role("link", name="Ada Adams").is_visible()
    assert SavedSearch.objects.get().definition == {"all": [{"filter": "tag", "tag": tag.pk}]}
