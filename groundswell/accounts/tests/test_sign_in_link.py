"""Signing in with a one-time link sent by email."""

from unittest import mock

import pytest
from django.conf import settings
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse

from groundswell.accounts.models import User
from groundswell.accounts.tests.helpers import location, main
from groundswell.accounts.tests.links_in_mail import path_of_link
from groundswell.core.testing import make_user

pytestmark = pytest.mark.django_db

ASK = reverse("accounts:request_link")
Outbox = list[EmailMessage]


def test_the_link_signs_in_once_and_then_is_spent(client: Client, outbox: Outbox) -> None:
    member = make_user(email="jo@example.org")
    client.post(ASK, {"email": "Jo@example.org"})
    link = path_of_link(outbox[0])

    shown = client.get(link)
    assert "_auth_user_id" not in client.session  # a mail scanner's visit signs nobody in
    assert "jo@example.org" in shown.text
    used = client.post(link)
    assert location(used) == reverse("core:home")
    assert client.session["_auth_user_id"] == str(member.pk)

    client.logout()
    again = client.post(link)
    assert again.status_code == 400
    assert "already been used" in again.text
    assert "_auth_user_id" not in client.session


def test_an_expired_link_does_not_sign_in(client: Client, outbox: Outbox) -> None:
    make_user(email="jo@example.org")
    sent_at = 1_800_000_000
    with mock.patch("django.core.signing.time.time", return_value=sent_at):
        client.post(ASK, {"email": "jo@example.org"})
    link = path_of_link(outbox[0])

    too_late = sent_at + settings.SIGN_IN_LINK_MAX_AGE + 1
    with mock.patch("django.core.signing.time.time", return_value=too_late):
        response = client.post(link)

    assert response.status_code == 400
    assert "expired" in response.text
    assert "_auth_user_id" not in client.session


def test_a_tampered_link_does_not_sign_in(client: Client, outbox: Outbox) -> None:
    make_user(email="jo@example.org")
    client.post(ASK, {"email": "jo@example.org"})
    link = path_of_link(outbox[0])

    response = client.post(link[:-3] + "abc/")

    assert response.status_code == 400
    assert "_auth_user_id" not in client.session


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(
    client: Client, outbox: Outbox
) -> None:
    make_user(email="jo@example.org")

    known = client.post(ASK, {"email": "jo@example.org"})
    unknown = client.post(ASK, {"email": "nobody@example.org"})

    assert known.status_code == unknown.status_code == 200
    assert main(known.text).replace("jo@example.org", "X") == main(unknown.text).replace(
        "nobody@example.org", "X"
    )
    assert [m.to for m in outbox] == [["jo@example.org"]]


def test_opening_the_link_confirms_the_address(client: Client, outbox: Outbox) -> None:
    member = make_user(email="jo@example.org")
    User.objects.filter(pk=member.pk).update(email_confirmed_at=None)
    client.post(ASK, {"email": "jo@example.org"})

    client.post(path_of_link(outbox[0]))

    member.refresh_from_db()
    assert member.email_confirmed


def test_a_bad_address_is_explained(client: Client, outbox: Outbox) -> None:
    response = client.post(ASK, {"email": "not an address"})

    assert "is not a valid email address" in response.text
    assert outbox == []


def test_one_address_cannot_be_flooded_with_links(client: Client, outbox: Outbox) -> None:
    make_user(email="jo@example.org")
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        client.post(ASK, {"email": "jo@example.org"})

    response = client.post(ASK, {"email": "jo@example.org"})

    assert response.status_code == 429
    assert "try again in 15 minutes" in response.text
    assert len(outbox) == settings.SIGN_IN_MAX_FAILURES
