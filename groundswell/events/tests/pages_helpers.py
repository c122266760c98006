"""Shortcuts for the event page tests: people in roles, events with a place, and a recorder that
stands in for the notify functions so a test can assert who would be told what."""

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.core.testing import add_member, make_user
from groundswell.events import notify
from groundswell.events.actions import create_event
from groundswell.events.models import Event
from groundswell.groups.models import Group, Membership

from .helpers import national_organiser, new_person

NOTIFY_FUNCTIONS = (
    "rsvp_confirmed", "promoted", "event_changed", "event_cancelled",
    "proposal_awaiting", "proposal_decided", "shifts_scheduled",
)  # fmt: skip

# A summer morning far ahead: 09:00 UTC is 10:00 in London (BST).
SUMMER_9_UTC = datetime(2030, 7, 6, 9, 0, tzinfo=UTC)


@dataclass
class NotifyCalls:
    calls: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def of(self, name: str) -> list[tuple[Any, ...]]:
        return [args for called, args in self.calls if called == name]


@pytest.fixture
def told(monkeypatch: pytest.MonkeyPatch) -> Iterator[NotifyCalls]:
    """Every notify call made during the test, instead of enqueueing emails."""
    recorder = NotifyCalls()
    for name in NOTIFY_FUNCTIONS:

        def record(*args: Any, _name: str = name) -> None:
            materialised = tuple(
                list(a) if not isinstance(a, str | list) and hasattr(a, "__iter__") else a
                for a in args
            )
            recorder.calls.append((_name, materialised))

        monkeypatch.setattr(notify, name, record)
    yield recorder


def user_in(group: Group, role: str = Membership.Role.MEMBER) -> User:
    user = make_user()
    assert user.person is not None
    add_member(group, user.person, role)
    return user


def organiser_of(group: Group) -> User:
    return user_in(group, Membership.Role.ORGANISER)


def placed_event(
    actor: User | None = None,
    *,
    start: datetime | None = None,
    capacity: int = 2,
    shifts: int = 1,
    **fields: Any,
) -> Event:
    """An approved canvass in Hackney (E8 1DY), one shift tomorrow (or from `start`), 2 hours long."""
    begins = start or timezone.now() + timedelta(days=1)
    fields.setdefault("title", "Canvass Hackney Central")
    fields.setdefault("kind", "canvass")
    fields.setdefault("venue", "Hackney Library")
    fields.setdefault("address_lines", "1 Reading Lane")
    fields.setdefault("instructions", "Meet by the red door; bring water.")
    return create_event(
        actor or national_organiser(),
        postal_code="E8 1DY",
        shifts=[
            (begins + timedelta(days=i), begins + timedelta(days=i, hours=2), capacity)
            for i in range(shifts)
        ],
        **fields,
    )


__all__ = ["new_person"]
