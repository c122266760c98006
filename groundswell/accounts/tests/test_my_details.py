"""A member edits their own details and consent; every consent change is recorded as their choice."""

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from groundswell.accounts.models import User
from groundswell.accounts.tests.helpers import location, new_person, person_of
from groundswell.core.testing import make_user, signed_in_client
from groundswell.people.models import ConsentChange, Person, PhoneNumber

pytestmark = pytest.mark.django_db

URL = reverse("accounts:my_details")


def details(**changes: str | None) -> dict[str, str]:
    data: dict[str, str | None] = {
        "given_name": "Jo",
        "family_name": "Bloggs",
        "postcode": "se1 7pb",
        "mobile": "07911 123456",
        "consent_email": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_a_member_changes_names_postcode_and_phone() -> None:
    member = make_user()
    client = signed_in_client(member)

    response = client.post(URL, details())

    assert location(response) == URL
    person = person_of(member)
    person.refresh_from_db()
    assert (person.given_name, person.family_name, person.postal_code) == (
        "Jo",
        "Bloggs",
        "SE1 7PB",
    )
    assert person.lat is not None
    assert list(person.phones.values_list("number", "primary")) == [("+447911123456", True)]
    assert person.history.filter(kind="updated", actor=member).exists()
    assert "Your details are saved" in client.get(URL).text


def test_each_consent_change_is_recorded_as_the_members_own_choice() -> None:
    member = make_user()
    Person.objects.filter(pk=person_of(member).pk).update(email_consent=True)
    client = signed_in_client(member)

    client.post(URL, details(consent_email=None, consent_phone="on"))

    changes = ConsentChange.objects.filter(person=person_of(member))
    assert {(c.channel, c.granted, c.method, c.recorded_by_id) for c in changes} == {
        ("email", False, "member's own choice", member.pk),
        ("phone", True, "member's own choice", member.pk),
    }


def test_the_form_starts_from_what_we_hold() -> None:
    member = make_user()
    PhoneNumber.objects.create(person=person_of(member), number="+447911123456", primary=True)

    form = signed_in_client(member).get(URL).context["form"]

    assert form["mobile"].value() == "+447911123456"
    assert form["given_name"].value() == person_of(member).given_name


def test_clearing_the_phone_removes_it() -> None:
    member = make_user()
    PhoneNumber.objects.create(person=person_of(member), number="+447911123456", primary=True)

    signed_in_client(member).post(URL, details(mobile=""))

    assert not person_of(member).phones.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"postcode": "SWIA 1AA"}, "Did you mean SW1A 1AA?"),
        ({"mobile": "0791"}, "is not a valid phone number"),
        ({"mobile": "020 7946 0000", "consent_sms": "on"}, "To get texts"),
    ],
)
def test_bad_input_changes_nothing_and_says_why(changes: dict[str, str], message: str) -> None:
    member = make_user()
    person = person_of(member)
    before = person.given_name

    response = signed_in_client(member).post(URL, details(**changes))

    assert message in response.text.replace("&#x27;", "'")
    person.refresh_from_db()
    assert person.given_name == before
    assert not person.phones.exists()
    assert not ConsentChange.objects.exists()


def test_a_mobile_held_by_another_record_is_not_moved_and_is_flagged_for_merging() -> None:
    member = make_user()
    other = new_person()
    PhoneNumber.objects.create(person=other, number="+447911123456", number_type="mobile")
    client = signed_in_client(member)

    client.post(URL, details())

    assert not person_of(member).phones.exists()
    assert other.phones.count() == 1
    assert person_of(member).history.filter(kind="possible duplicate").exists()
    assert "on another of our records" in client.get(URL).text


def test_an_unconfirmed_account_must_confirm_before_seeing_or_changing_details(
    outbox: list[EmailMessage],
) -> None:
    member = make_user()
    person = person_of(member)
    User.objects.filter(pk=member.pk).update(email_confirmed_at=None)
    client = signed_in_client(member)

    page = client.get(URL)
    client.post(URL, details())
    client.post(reverse("accounts:resend_confirmation"))

    assert "Please confirm your email address" in page.text
    assert escape(person.given_name) not in page.text
    person.refresh_from_db()
    assert person.given_name != "Jo"
    assert [m.to for m in outbox] == [[member.email]]


def test_an_account_without_a_person_record_gets_one_on_saving() -> None:
    user = User.objects.create_user("staff@example.org", "correct horse battery")

    signed_in_client(user).post(URL, details())

    user.refresh_from_db()
    person = person_of(user)
    assert person.given_name == "Jo"
    assert list(person.emails.values_list("address", flat=True)) == ["staff@example.org"]


def test_it_needs_signing_in(client: Client) -> None:
    assert location(client.get(URL)).startswith(reverse("accounts:sign_in"))
