"""In a real browser on a phone-sized screen: a volunteer texts two people, one click each, and the
next person appears without a page load."""

import re
from collections.abc import Iterator

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from groundswell.messaging.tests.fake_twilio import FakeTwilio

from .text_helpers import campaign, frozen, organiser, person, signed_in, texter, twilio_settings

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server), frozen():
        yield server


def test_a_texter_sends_two_texts_with_one_tap_each(phone_page, live_server, fake) -> None:  # type: ignore[no-untyped-def]
    volunteer = texter()
    made = campaign(
        organiser(),
        [person(given_name="Rosa"), person(given_name="Kwame")],
        [volunteer],
        message="Hi {given_name}, can you help on Saturday?",
    )
    session = signed_in(volunteer).cookies["sessionid"].value
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": session, "url": live_server.url}]
    )
    page = phone_page
    page.goto(reverse("outreach:text_send", args=[made.pk]))

    first = page.get_by_role("button", name=re.compile(r"^Send to (Rosa|Kwame)$"))
    first_name = first.inner_text().removeprefix("Send to ")
    expect(page.get_by_text(f"Hi {first_name}, can you help on Saturday?")).to_be_visible()
    first.click()

    expect(page.get_by_role("status").first).to_have_text(f"Sent to {first_name}.")
    second_name = "Kwame" if first_name == "Rosa" else "Rosa"
    page.get_by_role("button", name=f"Send to {second_name}").click()

    expect(page.get_by_text("No one is left to text. Thank you!")).to_be_visible()
    assert sorted(m.body for m in fake.messages) == [
        "Hi Kwame, can you help on Saturday?",
        "Hi Rosa, can you help on Saturday?",
    ]
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
