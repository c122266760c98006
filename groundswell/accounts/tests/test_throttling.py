"""Sign-in is rate-limited against guessing: per account and per address, with a clear wait."""

from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from groundswell.accounts import throttle
from groundswell.core.testing import make_user

pytestmark = pytest.mark.django_db

URL = reverse("accounts:sign_in")
PASSWORD = "correct horse battery"
N = settings.SIGN_IN_MAX_FAILURES


def guess(
    client: Client, email: str, password: str = "wrong guess 123", ip: str = "10.0.0.1"
) -> Any:
    response = client.post(URL, {"email": email, "password": password}, REMOTE_ADDR=ip)
    return response


def signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_after_n_failures_even_the_right_password_waits_out_the_lockout(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(email="jo@example.org")
    for _ in range(N):
        guess(client, "jo@example.org")

    refused = guess(client, "jo@example.org", PASSWORD)
    assert refused.status_code == 429
    assert "Too many attempts" in refused.content.decode()
    assert "try again in 15 minutes" in refused.content.decode()
    assert not signed_in(client)

    later = throttle._now() + settings.SIGN_IN_LOCKOUT_SECONDS + 1
    monkeypatch.setattr(throttle, "_now", lambda: later)
    allowed = guess(client, "jo@example.org", PASSWORD)
    assert allowed.status_code == 302
    assert signed_in(client)


def test_the_lockout_message_counts_down_in_minutes(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_user(email="jo@example.org")
    for _ in range(N):
        guess(client, "jo@example.org")

    soon = throttle._now() + settings.SIGN_IN_LOCKOUT_SECONDS - 90
    monkeypatch.setattr(throttle, "_now", lambda: soon)

    assert "try again in 2 minutes" in guess(client, "jo@example.org", PASSWORD).content.decode()


def test_an_account_is_locked_whichever_address_the_guesses_come_from(client: Client) -> None:
    make_user(email="jo@example.org")
    for n in range(N):
        guess(client, "jo@example.org", ip=f"10.0.0.{n}")

    assert guess(client, "jo@example.org", PASSWORD, ip="10.9.9.9").status_code == 429


def test_one_address_guessing_at_many_accounts_is_locked_out(client: Client) -> None:
    make_user(email="jo@example.org")
    limit = N * throttle.IP_FAILURE_FACTOR
    for n in range(limit):
        guess(client, f"someone{n}@example.org", ip="10.0.0.66")

    assert guess(client, "jo@example.org", PASSWORD, ip="10.0.0.66").status_code == 429
    assert guess(client, "jo@example.org", PASSWORD, ip="10.0.0.67").status_code == 302


def test_a_success_forgives_earlier_mistakes_on_that_account(client: Client) -> None:
    make_user(email="jo@example.org")
    for _ in range(N - 1):
        guess(client, "jo@example.org")
    guess(client, "jo@example.org", PASSWORD)
    client.logout()
    for _ in range(N - 1):
        guess(client, "jo@example.org")

    assert guess(client, "jo@example.org", PASSWORD).status_code == 302


def test_unknown_addresses_are_throttled_like_real_ones(client: Client) -> None:
    for _ in range(N):
        guess(client, "nobody@example.org")

    assert guess(client, "nobody@example.org").status_code == 429


def test_sign_ups_for_one_address_are_limited_and_write_nothing_once_locked(
    client: Client, settings: Any
) -> None:
    from groundswell.accounts.models import User as Account
    from groundswell.accounts.tests.test_sign_up import form as sign_up_form

    settings.SIGN_IN_MAX_FAILURES = 2
    url = reverse("accounts:sign_up")
    for _ in range(2):
        Client().post(url, sign_up_form(email="flood@example.org"))
    response = Client().post(url, sign_up_form(email="flood@example.org"))
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert Account.objects.filter(email="flood@example.org").count() == 1
