"""Shared test helpers: factories for the core models and sign-in shortcuts (with a verified second factor)."""

import itertools
from pathlib import Path
from typing import cast

import factory
import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from groundswell.accounts.models import Role, User
from groundswell.groups.models import Group, GroupKind, Membership
from groundswell.people.models import EmailAddress, Person

_seq = itertools.count(1)


def shared_data(*parts: str) -> Path:
    """A file under GROUNDSWELL_DATA_DIR, or skip the test with a clear reason where it is absent."""
    path = Path(settings.GROUNDSWELL_DATA_DIR).joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found at {path} (set GROUNDSWELL_DATA_DIR to ../shared/data)")
    return path


class PersonFactory(factory.django.DjangoModelFactory[Person]):
    class Meta:
        model = Person
        skip_postgeneration_save = True

    given_name = factory.Faker("first_name", locale="en_GB")
    family_name = factory.Faker("last_name", locale="en_GB")
    membership_status = "member"

    email = factory.PostGeneration(
        lambda person, create, extracted, **kw: _add_email(person, create, extracted)
    )


def _add_email(person: Person, create: bool, extracted: str | None) -> None:
    if create:
        address = extracted or f"person{next(_seq)}-{person.pk}@example.org"
        EmailAddress.objects.create(person=person, address=address.lower(), primary=True)


class GroupFactory(factory.django.DjangoModelFactory[Group]):
    class Meta:
        model = Group

    name = factory.Sequence(lambda n: f"Group {n}")
    slug = factory.Sequence(lambda n: f"group-{n}")
    kind = GroupKind.LOCAL


def make_user(
    role: str = Role.MEMBER, person: Person | None = None, email: str | None = None
) -> User:
    if person is None:
        person = cast(Person, PersonFactory.create())
    address = (
        email
        or person.emails.values_list("address", flat=True).first()
        or f"u{next(_seq)}@example.org"
    )
    return User.objects.create_user(
        address,
        password="correct horse battery",
        person=person,
        role=role,
        is_staff=role == Role.ADMIN,
        is_superuser=role == Role.ADMIN,
    )


def add_member(group: Group, person: Person, role: str = Membership.Role.MEMBER) -> Membership:
    return Membership.objects.create(
        group=group, person=person, role=role, joined_at=timezone.now()
    )


def verified_client(user: User) -> Client:
    """A test client signed in as `user` with a confirmed TOTP device, as after two-factor sign-in."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session["otp_device_id"] = device.persistent_id
    session.save()
    return client


def signed_in_client(user: User) -> Client:
    """Signed in with a password only (no second factor)."""
    client = Client()
    client.force_login(user)
    return client
