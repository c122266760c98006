"""Signing in with a password, and signing out."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from groundswell.accounts.models import User
from groundswell.accounts.tests.helpers import location, new_group, person_of
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.groups.models import Membership

pytestmark = pytest.mark.django_db

URL = reverse("accounts:sign_in")
PASSWORD = "correct horse battery"


def test_a_member_signs_in_with_email_and_password_and_goes_home(client: Client) -> None:
    member = make_user(email="jo@example.org")

    response = client.post(URL, {"email": " Jo@Example.org", "password": PASSWORD})

    assert location(response) == reverse("core:home")
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_wrong_password_is_refused_with_the_same_words_as_an_unknown_address(
    client: Client,
) -> None:
    make_user(email="jo@example.org")

    wrong = client.post(URL, {"email": "jo@example.org", "password": "nope nope nope"})
    unknown = client.post(URL, {"email": "nobody@example.org", "password": "nope nope nope"})

    assert "_auth_user_id" not in client.session
    assert wrong.context["form"].non_field_errors() == unknown.context["form"].non_field_errors()
    assert "do not match" in wrong.text


def test_it_goes_on_to_the_page_asked_for_but_never_to_another_site(client: Client) -> None:
    make_user(email="jo@example.org")

    ours = client.post(f"{URL}?next=/groups/", {"email": "jo@example.org", "password": PASSWORD})
    client.logout()
    theirs = client.post(
        URL, {"email": "jo@example.org", "password": PASSWORD, "next": "//evil.example.com/"}
    )

    assert location(ours) == "/groups/"
    assert location(theirs) == reverse("core:home")


def test_someone_with_a_second_factor_who_sees_personal_data_is_asked_for_it_at_once(
    client: Client,
) -> None:
    organiser = make_user()
    add_member(new_group(), person_of(organiser), Membership.Role.ORGANISER)
    TOTPDevice.objects.create(user=organiser, name="Authenticator app", confirmed=True)

    response = client.post(f"{URL}?next=/people/", {"email": organiser.email, "password": PASSWORD})

    assert location(response) == f"{reverse('accounts:two_factor')}?next=%2Fpeople%2F"


def test_an_inactive_account_cannot_sign_in(client: Client) -> None:
    make_user(email="gone@example.org")
    User.objects.filter(email="gone@example.org").update(is_active=False)

    client.post(URL, {"email": "gone@example.org", "password": PASSWORD})

    assert "_auth_user_id" not in client.session


def test_signing_out_takes_a_post_and_ends_the_session() -> None:
    client = signed_in_client(make_user())

    assert client.get(reverse("accounts:sign_out")).status_code == 405
    client.post(reverse("accounts:sign_out"))

    assert "_auth_user_id" not in client.session
