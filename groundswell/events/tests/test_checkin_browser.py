"""In a real browser on a phone-sized screen: an organiser finds someone on the check-in list, ticks
them in, and the count goes up without a page load."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from groundswell.core.testing import verified_client
from groundswell.events.models import Attendance

from .test_checkin_support import door

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_organiser_ticks_someone_in_and_the_count_updates(phone_page, live_server) -> None:  # type: ignore[no-untyped-def]
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah"), ("Aisha", "Patel")])
    session = verified_client(d.organiser).cookies["sessionid"].value
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": session, "url": live_server.url}]
    )

    page = phone_page
    page.goto(reverse("events:checkin", args=[d.event.pk]))
    count = page.locator("#checkin-count")
    expect(count).to_have_text("0 of 3 here")

    page.get_by_label("Find by name or email").fill("kwa")
    expect(page.get_by_role("button", name=re.compile("Rosa Okafor"))).to_have_count(0)
    kwame = page.get_by_role("button", name=re.compile("Kwame Mensah"))
    kwame.click()

    expect(count).to_have_text("1 of 3 here")
    expect(page.get_by_role("button", name=re.compile("Kwame Mensah"))).to_have_attribute(
        "aria-pressed", "true"
    )
    assert Attendance.objects.get(pk=d.places[1].pk).attended
    assert not Attendance.objects.get(pk=d.places[0].pk).attended
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
