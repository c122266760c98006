"""In a real browser on a phone-sized screen, by keyboard alone: a member ranks three of four
committee candidates, answers a yes/no question and casts the vote; the paper holds exactly that."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from groundswell.democracy.actions import Times, create_ballot, freeze_electorate
from groundswell.democracy.models import BallotPaper
from groundswell.democracy.tests.ballot_helpers import YES_NO, member, national_organiser
from groundswell.democracy.tests.pages_helpers import STV, elector_client

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def tab_to(page: Page, name: str, limit: int = 40) -> None:
    """Press Tab until the field or button named `name` has the focus (it must, within `limit`)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name || document.activeElement.textContent") in (
            name,
            f" {name} ",
        ):
            return
    raise AssertionError(f"{name!r} cannot be reached with the Tab key")


def test_a_member_casts_a_ranked_ballot_by_keyboard_on_a_phone(
    phone_page: Page, live_server
) -> None:  # type: ignore[no-untyped-def]
    now = timezone.now()
    times = Times(now - timedelta(hours=2), now - timedelta(hours=1), now + timedelta(days=1))
    voter = member()
    ballot = create_ballot(national_organiser(), "Committee election", times, [STV, YES_NO])
    freeze_electorate(ballot, now - timedelta(minutes=90))
    session = elector_client(voter).cookies["sessionid"].value
    page = phone_page
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page.goto(f"/ballots/{ballot.pk}/")

    tab_to(page, "q1_1")
    page.keyboard.type("F")  # Fay
    tab_to(page, "q1_2")
    page.keyboard.type("D")  # Dee
    tab_to(page, "q1_3")
    page.keyboard.type("G")  # Gus
    tab_to(page, "q2")  # the first of the yes / no / abstain radios
    page.keyboard.press("Space")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    tab_to(page, "Cast my vote")
    page.keyboard.press("Enter")

    expect(page.get_by_text("shown only this once")).to_be_visible()
    paper = BallotPaper.objects.get(ballot=ballot)
    assert paper.choices == {"1": [3, 1, 4], "2": "yes"}
