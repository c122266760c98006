"""Two-factor sign-in for everyone who sees other people's personal data, and only them."""

from base64 import b32encode

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from pytest_django import Settings

from groundswell.accounts.models import Role, User
from groundswell.accounts.tests.helpers import location, new_group, person_of
from groundswell.accounts.two_factor import new_backup_codes
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.groups.models import Membership

pytestmark = pytest.mark.django_db

TWO_FACTOR = reverse("accounts:two_factor")
PEOPLE = reverse("people:list")


def organiser() -> User:
    user = make_user()
    add_member(new_group(), person_of(user), Membership.Role.ORGANISER)
    return user


def code_for(device: TOTPDevice) -> str:
    return str(totp(device.bin_key, device.step, device.t0, device.digits)).zfill(device.digits)


def confirmed_device(user: User, name: str = "Authenticator app") -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name=name, confirmed=True)


def test_an_organiser_without_two_factor_is_sent_from_the_people_list_to_set_it_up() -> None:
    client = signed_in_client(organiser())

    response = client.get(PEOPLE)

    assert location(response) == f"{TWO_FACTOR}?next={PEOPLE}"
    setup = client.get(location(response))
    assert "<svg" in setup.text
    assert "Type this key into the app" in setup.text


def test_confirming_a_code_from_the_app_lets_the_organiser_in_and_gives_backup_codes() -> None:
    user = organiser()
    client = signed_in_client(user)
    secret_shown = client.get(f"{TWO_FACTOR}?next={PEOPLE}").context["secret"].replace(" ", "")
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    response = client.post(f"{TWO_FACTOR}?next={PEOPLE}", {"code": code_for(device)})

    assert secret_shown == b32encode(device.bin_key).decode()
    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    stored = StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    assert set(stored) == set(codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(PEOPLE).status_code == 200


def test_a_wrong_code_does_not_confirm_the_device() -> None:
    user = organiser()
    client = signed_in_client(user)
    client.get(TWO_FACTOR)

    response = client.post(TWO_FACTOR, {"code": "000000"})

    assert "That code is not right" in response.text
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get(PEOPLE).status_code == 302


def test_reloading_the_set_up_page_keeps_the_same_secret() -> None:
    client = signed_in_client(organiser())

    first = client.get(TWO_FACTOR).context["secret"]
    second = client.get(TWO_FACTOR).context["secret"]

    assert first == second


def test_with_a_device_the_current_code_is_asked_for_and_lets_them_in() -> None:
    user = organiser()
    device = confirmed_device(user)
    client = signed_in_client(user)

    asked = client.get(f"{TWO_FACTOR}?next={PEOPLE}")
    assert "Enter your code" in asked.text
    response = client.post(f"{TWO_FACTOR}?next={PEOPLE}", {"code": code_for(device)})

    assert location(response) == PEOPLE
    assert client.get(PEOPLE).status_code == 200


def test_a_backup_code_works_once() -> None:
    user = organiser()
    confirmed_device(user)
    code = new_backup_codes(user)[0]
    first, second = signed_in_client(user), signed_in_client(user)

    assert first.post(TWO_FACTOR, {"code": code.upper()}).status_code == 302
    assert "That code is not right" in second.post(TWO_FACTOR, {"code": code}).text
    assert second.get(PEOPLE).status_code == 302


def test_code_entry_is_throttled_like_passwords(settings: Settings) -> None:
    user = organiser()
    device = confirmed_device(user)
    client = signed_in_client(user)
    for _ in range(settings.SIGN_IN_MAX_FAILURES):
        client.post(TWO_FACTOR, {"code": "000000"})

    response = client.post(TWO_FACTOR, {"code": code_for(device)})

    assert response.status_code == 429
    assert "Too many attempts" in response.text
    assert client.get(PEOPLE).status_code == 302


def test_a_member_never_has_to_set_up_two_factor() -> None:
    client = signed_in_client(make_user())

    assert client.get(reverse("core:home")).status_code == 200
    assert client.get(reverse("accounts:my_details")).status_code == 200
    assert client.get(PEOPLE).status_code == 403


@pytest.mark.parametrize("role", [Role.NATIONAL_ORGANISER, Role.DATA_OFFICER, Role.ADMIN])
def test_national_roles_must_set_up_two_factor(role: str) -> None:
    client = signed_in_client(make_user(role=role))

    assert location(client.get(PEOPLE)) == f"{TWO_FACTOR}?next={PEOPLE}"


@pytest.mark.parametrize(
    ("demo_mode", "device_name", "shown"),
    [(True, "demo", True), (False, "demo", False), (True, "Authenticator app", False)],
)
def test_the_code_is_hinted_only_on_the_demo_site_for_demo_devices(
    settings: Settings, demo_mode: bool, device_name: str, shown: bool
) -> None:
    settings.DEMO_MODE = demo_mode
    user = organiser()
    device = confirmed_device(user, name=device_name)

    response = signed_in_client(user).get(TWO_FACTOR)

    assert (response.context["demo_code"] == code_for(device)) is shown
    assert ("this demo organiser's code is" in response.text) is shown


def test_backup_codes_can_be_renewed_only_after_the_second_factor() -> None:
    user = organiser()
    device = confirmed_device(user)
    old = new_backup_codes(user)
    client = signed_in_client(user)

    assert location(client.post(reverse("accounts:backup_codes"))) == TWO_FACTOR
    client.post(TWO_FACTOR, {"code": code_for(device)})
    renewed = client.post(reverse("accounts:backup_codes")).context["codes"]

    assert set(renewed).isdisjoint(old)
    assert StaticToken.objects.filter(device__user=user).count() == 10
