"""Joining: one form makes an account and a person record, or says clearly why it cannot."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse

from groundswell.accounts.models import User
from groundswell.accounts.tests.helpers import location, new_person, person_of
from groundswell.accounts.tests.links_in_mail import path_of_link
from groundswell.core.testing import make_user
from groundswell.people.models import ConsentChange, EmailAddress, Person, PhoneNumber

pytestmark = pytest.mark.django_db

URL = reverse("accounts:sign_up")
Outbox = list[EmailMessage]
OnCommit = Callable[..., Any]


def form(**changes: str | None) -> dict[str, str]:
    data: dict[str, str | None] = {
        "given_name": "Ada",
        "family_name": "Lovelace",
        "email": "Ada@Example.org ",
        "postcode": "sw1a1aa",
        "mobile": "07911 123456",
        "password": "analytical engine 1843",
        "consent_email": "on",
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_it_creates_a_person_and_an_account_and_goes_to_the_member_home(
    client: Client, outbox: Outbox, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(URL, form())

    assert location(response) == reverse("core:home")
    user = User.objects.get(email="ada@example.org")
    person = person_of(user)
    assert (person.given_name, person.family_name, person.postal_code) == (
        "Ada",
        "Lovelace",
        "SW1A 1AA",
    )
    assert person.lat is not None and person.location_precision
    assert list(person.phones.values_list("number", "number_type")) == [("+447911123456", "mobile")]
    assert user.check_password("analytical engine 1843")
    assert not user.email_confirmed
    home = client.get(reverse("core:home"))
    assert "Hello, Ada" in home.text
    assert "Please confirm your email address" in home.text
    assert [m.to for m in outbox] == [["ada@example.org"]]
    assert "Confirm" in outbox[0].subject


def test_it_records_consent_only_for_the_boxes_ticked_and_how_it_was_given(client: Client) -> None:
    client.post(URL, form(consent_sms="on"))

    person = Person.objects.get()
    assert (person.email_consent, person.sms_consent, person.phone_consent) == (True, True, False)
    changes = ConsentChange.objects.filter(person=person)
    assert {(c.channel, c.granted, c.method) for c in changes} == {
        ("email", True, "sign-up form"),
        ("sms", True, "sign-up form"),
    }


def test_it_links_an_existing_supporter_found_by_email_and_updates_them_once_confirmed(
    client: Client, outbox: Outbox, django_capture_on_commit_callbacks: OnCommit
) -> None:
    supporter = new_person(email="ada@example.org", given_name="A", membership_status="supporter")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form())

    assert Person.objects.count() == 1
    assert User.objects.get().person == supporter
    supporter.refresh_from_db()
    assert supporter.given_name == "A", "nothing is written before the address is proved"
    assert not supporter.phones.exists() and not supporter.email_consent

    client.post(path_of_link(outbox[0]))

    supporter.refresh_from_db()
    assert supporter.given_name == "Ada" and supporter.email_consent
    assert supporter.phones.get().number == "+447911123456"
    assert supporter.history.filter(kind="updated").exists()


def test_someone_typing_another_persons_email_cannot_rewrite_their_record(client: Client) -> None:
    victim = new_person(email="ada@example.org", given_name="Ada", family_name="Lovelace")

    client.post(URL, form(given_name="Mallory", family_name="Mischief", mobile="07911 999999"))

    victim.refresh_from_db()
    assert (victim.given_name, victim.family_name) == ("Ada", "Lovelace")
    assert not victim.phones.exists()
    assert not victim.consent_changes.exists()


def test_the_confirmation_link_confirms_the_address(
    client: Client, outbox: Outbox, django_capture_on_commit_callbacks: OnCommit
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form())

    client.post(path_of_link(outbox[0]))

    assert User.objects.get().email_confirmed


def test_it_does_not_link_someone_elses_record_by_a_mobile_number_alone(client: Client) -> None:
    stranger = new_person(email="stranger@example.org")
    PhoneNumber.objects.create(person=stranger, number="+447911123456", number_type="mobile")

    client.post(URL, form())

    person = person_of(User.objects.get())
    assert person != stranger
    assert not person.phones.exists()
    assert person.history.filter(kind="possible duplicate").exists()
    assert list(stranger.emails.values_list("address", flat=True)) == ["stranger@example.org"]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"postcode": "SWIA 1AA"}, "postcode", "Did you mean SW1A 1AA?"),
        ({"postcode": "hello"}, "postcode", "isn't a valid UK postcode"),
        ({"postcode": "SW1A"}, "postcode", "full postcode"),
        ({"email": "ada@"}, "email", "is not a valid email address"),
        ({"mobile": "12345"}, "mobile", "is not a valid phone number"),
        ({"password": "password"}, "password", "too common"),
        ({"password": "short"}, "password", "too short"),
        ({"mobile": "", "consent_sms": "on"}, "mobile", "To get texts, please give a mobile"),
        ({"given_name": ""}, "given_name", "This field is required"),
    ],
)
def test_bad_input_writes_nothing_and_says_why(
    client: Client, outbox: Outbox, changes: dict[str, str], field: str, message: str
) -> None:
    response = client.post(URL, form(**changes))

    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors[field])
    assert message in response.text.replace("&#x27;", "'").replace("&quot;", '"')
    assert not User.objects.exists()
    assert not Person.objects.exists()
    assert outbox == []


def test_an_address_that_already_has_an_account_is_emailed_a_sign_in_link_and_nothing_changes(
    client: Client, outbox: Outbox
) -> None:
    member = make_user(email="ada@example.org")
    name_before = person_of(member).given_name

    response = client.post(URL, form(given_name="Mallory"))

    assert "already has an account" in response.text
    assert User.objects.count() == 1
    person = person_of(member)
    person.refresh_from_db()
    assert person.given_name == name_before
    assert not person.phones.exists()
    assert "_auth_user_id" not in client.session
    assert [m.to for m in outbox] == [["ada@example.org"]]
    assert "/accounts/sign-in/link/" in str(outbox[0].body)


def test_a_record_that_already_has_an_account_under_another_address_is_not_taken_over(
    client: Client,
) -> None:
    member = make_user(email="ada@example.org")
    EmailAddress.objects.create(person=person_of(member), address="ada@work.example.org")

    response = client.post(URL, form(email="ada@work.example.org"))

    assert "already has an account" in response.text
    assert User.objects.count() == 1


def test_it_returns_to_the_page_that_sent_them_to_join(client: Client) -> None:
    response = client.post(f"{URL}?next=/groups/some-group/", form())

    assert location(response) == "/groups/some-group/"


def test_it_ignores_a_next_address_on_another_site(client: Client) -> None:
    response = client.post(f"{URL}?next=https://evil.example.com/", form())

    assert location(response) == reverse("core:home")


def test_signing_up_with_an_organisers_email_gives_no_organiser_access_until_confirmed(
    client: Client, outbox: Outbox, django_capture_on_commit_callbacks: OnCommit
) -> None:
    from groundswell.core.access import sees_personal_data
    from groundswell.core.testing import GroupFactory, PersonFactory, add_member

    organiser = PersonFactory.create(email="organiser@example.org")
    group = GroupFactory.create()
    add_member(group, organiser, role="organiser")
    add_member(group, PersonFactory.create(), role="member")

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form(email="organiser@example.org", mobile=None))

    impostor = User.objects.get(email="organiser@example.org")
    assert impostor.person_id == organiser.pk and not impostor.email_confirmed
    assert not sees_personal_data(impostor)
    assert client.get(reverse("people:list")).status_code == 403
    assert client.get(reverse("groups:manage", args=[group.slug])).status_code in (403, 404)


def test_a_record_made_by_sign_up_is_the_new_accounts_own_before_confirming(
    client: Client, outbox: Outbox, django_capture_on_commit_callbacks: OnCommit
) -> None:
    from groundswell.core.access import acting_person_id

    with django_capture_on_commit_callbacks(execute=True):
        client.post(URL, form())
    user = User.objects.get(email="ada@example.org")
    assert not user.email_confirmed and acting_person_id(user) == user.person_id
