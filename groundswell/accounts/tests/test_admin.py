"""The Django admin asks for the second factor: admins see everyone's personal data."""

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user, signed_in_client, verified_client

pytestmark = pytest.mark.django_db

ADMIN = reverse("admin:index")


def test_an_admin_signed_in_with_a_password_only_is_sent_to_two_factor() -> None:
    client = signed_in_client(make_user(role=Role.ADMIN))

    response = client.get(ADMIN, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("accounts:two_factor"))
    assert "Site administration" not in response.text


def test_an_admin_with_the_second_factor_gets_in() -> None:
    client = verified_client(make_user(role=Role.ADMIN))

    response = client.get(ADMIN)

    assert response.status_code == 200
    assert "Site administration" in response.text


def test_signing_in_to_the_admin_goes_through_the_sites_own_sign_in(client: Client) -> None:
    response = client.get(ADMIN, follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("accounts:sign_in"))


def test_a_member_is_refused() -> None:
    client = verified_client(make_user())

    assert client.get(ADMIN, follow=True).status_code == 403
