"""Shared set-up for the check-in and follow-up tests (no tests here): a group's event with people
signed up, its organisers, and moving a shift into the past once people have signed up."""

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from django.utils import timezone
from pytest_django import Settings

from groundswell.accounts.models import User
from groundswell.core.testing import add_member, make_user
from groundswell.events.actions import rsvp_to_shift
from groundswell.events.models import Attendance, Event, Shift
from groundswell.events.tests.helpers import new_group, new_person, online_event, only_shift
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person

IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture
def immediate_tasks(settings: Settings) -> None:
    settings.TASKS = {"default": IMMEDIATE}


@dataclass
class Door:
    """An event of a group, its organiser, and people with places on its only shift."""

    group: Group
    organiser: User
    event: Event
    shift: Shift
    places: list[Attendance]


def organiser_of(group: Group) -> User:
    user = make_user()
    assert user.person is not None
    add_member(group, user.person, Membership.Role.ORGANISER)
    return user


def member_of(group: Group) -> User:
    user = make_user()
    assert user.person is not None
    add_member(group, user.person)
    return user


def door(names: list[tuple[str, str]], capacity: int = 5, title: str = "Canvass Hackney") -> Door:
    group = new_group(name="Hackney Groundswell")
    organiser = organiser_of(group)
    event = online_event(organiser, capacity=capacity, host_group=group, title=title)
    shift = only_shift(event)
    places = [sign_up(shift, given, family) for given, family in names]
    return Door(group, organiser, event, shift, places)


def sign_up(shift: Shift, given: str, family: str, **fields: object) -> Attendance:
    person: Person = new_person(given_name=given, family_name=family, **fields)
    return rsvp_to_shift(person, shift)


def started(shift: Shift, ago: timedelta = timedelta(minutes=30)) -> Shift:
    """Move a shift (which people signed up to while it was ahead) so it began `ago` before now."""
    start: datetime = timezone.now() - ago
    Shift.objects.filter(pk=shift.pk).update(start=start, end=start + timedelta(hours=2))
    shift.refresh_from_db()
    return shift
