"""In a real browser on a phone-sized screen: a volunteer starts calling and works through three
people, tapping an answer and an outcome for each, until no one is left."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from groundswell.outreach.models import Answer, CallAttempt

from .call_helpers import assignment, callee, national, question, signed_in, volunteer, yes_no

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_caller_works_through_three_people_on_a_phone(phone_page, live_server) -> None:  # type: ignore[no-untyped-def]
    ring = [callee(given_name=name, family_name="Tester") for name in ("Rosa", "Kwame", "Aisha")]
    ada = volunteer()
    made = assignment(national(), ring, [ada], questions=[yes_no("Will you come to the count?")])
    session = signed_in(ada).cookies["sessionid"].value
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": session, "url": live_server.url}]
    )
    page = phone_page
    page.goto(reverse("outreach:my_calling"))
    page.get_by_role("button", name="Start calling").click()

    expect(page.get_by_role("heading", name="Rosa Tester")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Call Rosa on 07911"))).to_have_attribute(
        "href", re.compile(r"^tel:\+447911")
    )
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    page.get_by_label("Yes").check()
    page.get_by_role("button", name="Answered").click()

    expect(page.get_by_role("heading", name="Kwame Tester")).to_be_visible()
    expect(page.get_by_text("Saved: Rosa Tester — answered.")).to_be_visible()
    page.get_by_role("button", name="No answer").click()

    expect(page.get_by_role("heading", name="Aisha Tester")).to_be_visible()
    page.get_by_label("Maybe").check()
    answered = page.get_by_role("button", name="Answered")
    box = answered.bounding_box()
    assert box is not None and box["height"] >= 56  # a thumb-sized target
    answered.click()

    expect(page.get_by_text("No one left to call right now.")).to_be_visible()
    outcomes = dict(CallAttempt.objects.values_list("person__given_name", "outcome"))
    assert outcomes == {"Rosa": "answered", "Kwame": "no_answer", "Aisha": "answered"}
    q = question(made)
    assert dict(Answer.objects.filter(question=q).values_list("person__given_name", "value")) == {
        "Rosa": "yes",
        "Aisha": "maybe",
    }
