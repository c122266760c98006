"""Shortcuts for the targets tests: seats by name, targets, and canvassing sessions placed in a seat."""

from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.events.actions import create_event, rsvp_to_shift
from groundswell.events.models import Attendance, Event, Shift
from groundswell.events.tests.helpers import national_organiser, new_person
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.targets.models import Target


def seat(name: str) -> Constituency:
    return Constituency.objects.get(name=name)


def make_target(name: str, weekly_goal: int = 10, priority: int = 2, **fields: Any) -> Target:
    return Target.objects.create(
        constituency=seat(name), weekly_goal=weekly_goal, priority=priority, **fields
    )


def postcode_in(name: str) -> str:
    """A postcode whose district lies mostly in the seat, so an event there is placed in it."""
    district = (
        PostcodeDistrict.objects.filter(constituency=seat(name)).order_by("-n_postcodes").first()
    )
    assert district is not None, f"no district is mostly in {name}"
    return f"{district.code} 1AA"


def canvass(
    name: str,
    start: datetime | None = None,
    capacity: int = 5,
    actor: User | None = None,
    **fields: Any,
) -> Event:
    """An approved, public canvassing session in the seat, tomorrow unless told otherwise."""
    begins = start or timezone.now() + timedelta(days=1)
    fields.setdefault("title", f"Canvassing in {name}")
    event = create_event(
        actor or national_organiser(),
        kind="canvass",
        postal_code=postcode_in(name),
        shifts=[(begins, begins + timedelta(hours=2), capacity)],
        **fields,
    )
    assert event.constituency == seat(name)
    return event


def sign_up(shift: Shift, count: int, days_ago: float = 0) -> list[Attendance]:
    """`count` new people signed up to the shift, their sign-ups dated `days_ago`."""
    places = [rsvp_to_shift(new_person(), shift) for _ in range(count)]
    if days_ago:
        when = timezone.now() - timedelta(days=days_ago)
        Attendance.objects.filter(pk__in=[p.pk for p in places]).update(action_date=when)
    return places
