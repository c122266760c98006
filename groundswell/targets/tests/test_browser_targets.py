"""Browser journeys on a phone: a visitor finds where they are needed; an organiser reads coverage."""

from typing import Any

import pytest
from django.test import Client

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user
from groundswell.targets.tests.helpers import canvass, make_target, sign_up

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


@pytest.fixture
def seat_points(embedded_geography: None) -> None:
    """The seat points migrate loads (put back by embedded_geography after a transactional flush)."""


def fits_the_phone(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_a_visitor_finds_the_nearest_target_and_its_sessions_on_a_phone(
    phone_page: Any, seat_points: None
) -> None:
    make_target("Hendon", weekly_goal=10)
    make_target("Poole")
    session = canvass("Hendon", capacity=4, title="Saturday doors in Hendon")
    sign_up(session.shifts.get(), 1)

    page = phone_page
    page.goto("/targets/")
    page.get_by_label("Your postcode").fill("nw4 4bt")
    page.get_by_role("button", name="Find target seats").click()

    hendon = page.locator("li.target", has_text="Hendon").first
    hendon.get_by_text("You're in this seat").wait_for()
    assert hendon.get_by_text("3 places left").is_visible()
    sign_up_link = hendon.get_by_role("link", name="Sign up")
    assert (
        sign_up_link.get_attribute("href")
        == f"/events/{session.pk}/shifts/{session.shifts.get().pk}/rsvp/"
    )
    assert page.locator("li.target").nth(1).inner_text().startswith("Poole")
    assert page.locator("#finder-map.leaflet-container").is_visible()  # the map drew itself
    assert "postcode=nw4%204bt" in page.url  # the search can be shared and reloaded
    assert fits_the_phone(page)
    page.reload()
    page.get_by_text("Saturday doors in Hendon").wait_for()

    page.get_by_role("link", name="Where I'm most needed").click()
    page.get_by_role("heading", name="Where you're most needed NW4 4BT").wait_for()
    assert fits_the_phone(page)


def test_a_bad_postcode_is_explained_on_the_page(phone_page: Any, seat_points: None) -> None:
    page = phone_page
    page.goto("/targets/")
    page.get_by_label("Your postcode").fill("S01 1AA")
    page.get_by_role("button", name="Find target seats").click()
    page.get_by_text("Did you mean SO1 1AA?").wait_for()
    page.get_by_role("link", name="Search for SO1 1AA instead").wait_for()


def test_an_organiser_reads_coverage_on_a_phone(
    phone_page: Any, seat_points: None, live_server: Any
) -> None:
    make_target("Hendon", weekly_goal=10)
    make_target("Poole", weekly_goal=4)
    sign_up(canvass("Poole").shifts.get(), 4)
    client = Client()
    client.force_login(make_user(Role.NATIONAL_ORGANISER))
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )

    phone_page.goto("/targets/coverage/")
    rows = phone_page.locator("table.coverage-table tbody tr")
    assert rows.count() == 2
    assert rows.first.inner_text().startswith("Hendon")  # nobody yet: the worst gap first
    assert phone_page.locator(".target-map.leaflet-container").is_visible()
    assert fits_the_phone(phone_page)
