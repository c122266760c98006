"""Several reminder sweeps running at once on PostgreSQL still text each committed member once."""

import json
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from django.db import connection
from django.test import override_settings

from groundswell.core.testing import GroupFactory, add_member, at_once
from groundswell.events.actions import rsvp_to_shift
from groundswell.outreach.actions.assignments import start_assignment
from groundswell.outreach.actions.turnout import TurnoutSpec, create_turnout_drive
from groundswell.outreach.actions.turnout_reminders import send_due_turnout_reminders
from groundswell.people.models import HistoryEvent

from .call_helpers import callee, meeting, national

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]

SWEEPS = 6
COMMITTED = 30


def test_simultaneous_sweeps_send_each_reminder_once(tmp_path: Path) -> None:
    owner, branch = national(), GroupFactory.create()
    shift = meeting(owner, title="Dalston AGM")
    for _ in range(COMMITTED):
        person = callee(membership_status="member")
        add_member(branch, person)
        rsvp_to_shift(person, shift)
    start_assignment(
        create_turnout_drive(
            owner, TurnoutSpec(shift=shift, needed=20, group=None, members_of=branch)
        )
    )
    log = tmp_path / "sms.log"
    sweep = partial(send_due_turnout_reminders, shift.start - timedelta(hours=8))
    with override_settings(SMS_PROVIDER="console", SMS_FILE_PATH=log, SMS_CONSOLE_ECHO=False):
        outcomes = at_once([lambda: sweep] * SWEEPS)
    errors = [o for o in outcomes if isinstance(o, BaseException)]
    totals = [o for o in outcomes if isinstance(o, int)]
    assert errors == []
    numbers = [json.loads(line)["to"] for line in log.read_text().splitlines()]
    assert sum(totals) == len(numbers) == len(set(numbers)) == COMMITTED
    assert HistoryEvent.objects.filter(kind="turnout_reminder").count() == COMMITTED
