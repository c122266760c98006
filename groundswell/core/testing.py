"""Shared test helpers: factories for the core models and sign-in shortcuts (with a verified second factor)."""

import itertools
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar, cast

import factory
import pytest
from django.conf import settings
from django.db import connections
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from groundswell.accounts.models import Role, User
from groundswell.groups.models import Group, GroupKind, Membership
from groundswell.people.models import EmailAddress, Person

T = TypeVar("T")

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


def at_once(jobs: Sequence[Callable[[], Callable[[], T]]]) -> list[T | BaseException]:
    """Race: each job runs in its own thread with its own database connection. A job sets up (reads
    what it needs) and returns the action, and the actions all start together at a barrier. Returns
    each action's result or exception, in job order. For races on PostgreSQL (transactional tests)."""
    barrier = threading.Barrier(len(jobs))
    outcomes: list[T | BaseException] = [RuntimeError("did not run")] * len(jobs)

    def run(index: int) -> None:
        try:
            action = jobs[index]()
            barrier.wait()
            outcomes[index] = action()
        except BaseException as exc:  # returned to the test, which asserts on it
            outcomes[index] = exc
            barrier.abort()  # a job that failed to set up must not leave the others waiting
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes
