"""Browser journey: a newcomer signs up with their postcode on a phone and joins the group nearest them."""

import pytest
from django.core import mail

from groundswell.core.testing import GroupFactory
from groundswell.geo.models import PostcodeDistrict
from groundswell.groups.actions import set_area
from groundswell.groups.models import Membership
from groundswell.people.models import Person

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]


def test_sign_up_with_a_postcode_then_join_the_group_covering_it(phone_page) -> None:  # type: ignore[no-untyped-def]
    hackney = GroupFactory.create(name="Hackney Groundswell", slug="hackney")
    set_area(hackney, [PostcodeDistrict.objects.get(code="E8")], [])
    far_away = GroupFactory.create(name="Leeds Groundswell", slug="leeds")
    set_area(far_away, [PostcodeDistrict.objects.get(code="LS6")], [])

    page = phone_page
    page.goto("/")
    page.get_by_role("link", name="Join", exact=True).first.click()
    page.get_by_label("First name").fill("Rosa")
    page.get_by_label("Last name").fill("Okafor")
    page.get_by_role("textbox", name="Email").fill("rosa@example.org")
    page.get_by_label("Postcode").fill("e8 1dy")
    page.get_by_label("Password").fill("solidarity forever 1889")
    page.get_by_label("Email me about events").check()
    page.get_by_role("button", name="Join").click()

    # The member home suggests the group covering E8 before the far one, and joining takes one tap.
    row = page.locator("li", has_text="Hackney Groundswell")
    row.get_by_text("covers your area").wait_for()
    row.get_by_role("button", name="Join").click()
    page.get_by_text("Welcome to Hackney Groundswell").wait_for()

    person = Person.objects.get(emails__address="rosa@example.org")
    assert person.postal_code == "E8 1DY" and person.email_consent
    assert Membership.objects.filter(person=person, group=hackney, role="member").exists()
    assert not Membership.objects.filter(person=person, group=far_away).exists()
    assert any("rosa@example.org" in m.to for m in mail.outbox)
