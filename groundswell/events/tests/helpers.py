"""Typed shortcuts for the events tests: people, and events made through the real action."""

from datetime import datetime, timedelta
from typing import Any, cast

from django.utils import timezone

from groundswell.accounts.models import Role, User
from groundswell.core.testing import GroupFactory, PersonFactory, make_user
from groundswell.events.actions import create_event
from groundswell.events.models import Event, Shift
from groundswell.groups.models import Group
from groundswell.people.models import Person


def new_person(**fields: Any) -> Person:
    return cast(Person, PersonFactory(**fields))  # type: ignore[no-untyped-call]


def new_group(**fields: Any) -> Group:
    return cast(Group, GroupFactory(**fields))  # type: ignore[no-untyped-call]


def national_organiser() -> User:
    return make_user(Role.NATIONAL_ORGANISER)


def online_event(
    actor: User | None = None, capacity: int = 2, start: datetime | None = None, **fields: Any
) -> Event:
    """An approved online canvass-planning call with one shift, tomorrow unless told otherwise."""
    begins = start or timezone.now() + timedelta(days=1)
    fields.setdefault("title", "Phone bank for Hackney South")
    fields.setdefault("kind", "phone_bank")
    return create_event(
        actor or national_organiser(),
        online_url="https://meet.example.org/hackney",
        shifts=[(begins, begins + timedelta(hours=2), capacity)],
        **fields,
    )


def only_shift(event: Event) -> Shift:
    return event.shifts.get()
