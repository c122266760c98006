"""Sweeps running at the same moment in different workers send each reminder once (PostgreSQL:
the claim is a conditional UPDATE that the database re-checks after waiting for the other writer)."""

from datetime import datetime, timedelta
from functools import partial

import pytest
from django.core import mail
from django.db import connection
from django.utils import timezone

from groundswell.core.testing import at_once
from groundswell.events.models import Attendance
from groundswell.events.reminders import send_due_reminders

from .helpers import only_shift
from .notify_helpers import place, placed_event

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]


def _sweep_at_once(workers: int, now: datetime) -> tuple[list[int], list[BaseException]]:
    outcomes = at_once([lambda: partial(send_due_reminders, now=now)] * workers)
    counts = [o for o in outcomes if isinstance(o, int)]
    return counts, [o for o in outcomes if isinstance(o, BaseException)]


def test_eight_sweeps_at_once_send_each_of_twenty_reminders_once(embedded_geography: None) -> None:
    shift = only_shift(placed_event(start=timezone.now() + timedelta(days=3), capacity=30))
    places = [place(shift) for _ in range(20)]
    counts, errors = _sweep_at_once(8, shift.start - timedelta(hours=23))
    assert errors == []
    assert sum(counts) == 20
    assert len(mail.outbox) == 20
    assert sorted(m.to[0] for m in mail.outbox) == sorted(
        p.person.emails.get().address for p in places
    )
    assert not Attendance.objects.filter(shift=shift, reminded_day_at__isnull=True).exists()
