"""Shortcuts for the find-events tests: placed events through the real action, and a few kinds of viewer."""

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.core.testing import make_user
from groundswell.events.actions import create_event
from groundswell.events.models import Event

from .helpers import national_organiser, new_person

LONDON = ZoneInfo("Europe/London")


def soon(days: float = 2, hour: int = 18) -> datetime:
    """`days` from now at `hour`:00 London time (aware)."""
    day = timezone.localtime() + timedelta(days=days)
    return day.replace(hour=hour, minute=0, second=0, microsecond=0)


def placed_event(
    postal_code: str = "E8 1DY",
    start: datetime | None = None,
    capacity: int = 8,
    actor: User | None = None,
    **fields: Any,
) -> Event:
    """An approved event at a postcode with one two-hour shift (two days ahead unless told)."""
    begins = start or soon()
    fields.setdefault("title", f"Canvass near {postal_code}")
    fields.setdefault("kind", "canvass")
    return create_event(
        actor or national_organiser(),
        postal_code=postal_code,
        shifts=[(begins, begins + timedelta(hours=2), capacity)],
        **fields,
    )


def member_user(**person: Any) -> User:
    """A signed-up movement member who has proved their email address."""
    return make_user(person=new_person(membership_status="member", **person))


def supporter_user() -> User:
    return make_user(person=new_person(membership_status="supporter"))
