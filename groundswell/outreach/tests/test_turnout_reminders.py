"""The reminder text before the meeting: once, only to committed eligible members who agreed to
texts, only within texting hours, from 24 to 2 hours before; a provider that is down means a retry."""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from django.core.management import call_command
from django.test import override_settings

from groundswell.core.testing import GroupFactory, add_member
from groundswell.events.actions import cancel_rsvp, rsvp_to_shift
from groundswell.events.models import Attendance
from groundswell.messaging.sms.errors import SmsUnavailable
from groundswell.outreach.actions.assignments import start_assignment
from groundswell.outreach.actions.turnout import TurnoutSpec, create_turnout_drive
from groundswell.outreach.actions.turnout_reminders import send_due_turnout_reminders
from groundswell.people.models import HistoryEvent

from .call_helpers import callee, meeting, mobile, national

pytestmark = pytest.mark.django_db


@pytest.fixture
def sms_log(tmp_path: Path) -> Any:
    log = tmp_path / "sms.log"
    with override_settings(SMS_PROVIDER="console", SMS_FILE_PATH=log, SMS_CONSOLE_ECHO=False):
        yield log


def _texts(log: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


@pytest.fixture
def world() -> dict[str, Any]:
    owner = national()
    branch = GroupFactory.create()
    shift = meeting(owner, title="Dalston AGM")

    def member(number: str | None = "", **kw: Any) -> Any:
        person = callee(number, membership_status="member", **kw)
        add_member(branch, person)
        return person

    people = {
        "committed": member("+447911000222", given_name="Rosa"),
        "no_texts": member(sms_consent=False),
        "maybe": member(),
        "cancelled": member(),
        "no_mobile": member(None),
    }
    drive = create_turnout_drive(
        owner, TurnoutSpec(shift=shift, needed=5, group=None, members_of=branch)
    )
    start_assignment(drive)
    for name in ("committed", "no_texts", "cancelled", "no_mobile"):
        rsvp_to_shift(people[name], shift)
    cancel_rsvp(Attendance.objects.get(person=people["cancelled"]))
    rsvp_to_shift(callee(mobile(), membership_status="member"), shift)  # going, but not eligible
    return {"shift": shift, "drive": drive, "people": people}


def test_committed_members_who_agreed_to_texts_get_one_reminder(
    world: dict[str, Any], sms_log: Path
) -> None:
    start = world["shift"].start
    assert send_due_turnout_reminders(start - timedelta(hours=8)) == 1  # 11:00 on the day
    (text,) = _texts(sms_log)
    assert text["to"] == "+447911000222"
    assert text["body"].startswith("Hi Rosa, see you at Dalston AGM on ")
    assert "Reply STOP" in text["body"]
    claim = HistoryEvent.objects.get(kind="turnout_reminder")
    assert claim.person == world["people"]["committed"] and claim.data["status"] == "sent"
    assert send_due_turnout_reminders(start - timedelta(hours=7)) == 0
    assert len(_texts(sms_log)) == 1


def test_nothing_is_sent_outside_texting_hours_or_the_window(
    world: dict[str, Any], sms_log: Path
) -> None:
    start = world["shift"].start  # 19:00
    assert send_due_turnout_reminders(start - timedelta(hours=30)) == 0  # too early
    assert send_due_turnout_reminders(start - timedelta(hours=20)) == 0  # 23:00 the night before
    assert send_due_turnout_reminders(start - timedelta(hours=1)) == 0  # too late
    assert _texts(sms_log) == []
    assert (
        send_due_turnout_reminders(start - timedelta(hours=23.5)) == 1
    )  # 19:30 the evening before


def test_a_draft_drive_reminds_no_one(world: dict[str, Any], sms_log: Path) -> None:
    world["drive"].__class__.objects.filter(pk=world["drive"].pk).update(status="draft")
    assert send_due_turnout_reminders(world["shift"].start - timedelta(hours=8)) == 0


def test_a_provider_that_is_down_leaves_the_reminder_for_the_next_sweep(
    world: dict[str, Any], sms_log: Path
) -> None:
    start = world["shift"].start
    down = SmsUnavailable("Twilio timed out before sending")
    with mock.patch("groundswell.messaging.sms.console.ConsoleProvider.send", side_effect=down):
        assert send_due_turnout_reminders(start - timedelta(hours=8)) == 0
    assert not HistoryEvent.objects.filter(kind="turnout_reminder").exists()
    assert send_due_turnout_reminders(start - timedelta(hours=7)) == 1


def test_the_command_sends_what_is_due(world: dict[str, Any], sms_log: Path) -> None:
    out = mock.MagicMock()
    with mock.patch(
        "groundswell.outreach.actions.turnout_reminders.timezone.now",
        return_value=world["shift"].start - timedelta(hours=8),
    ):
        call_command("send_turnout_reminders", stdout=out)
    assert "Sent 1 turnout reminder." in "".join(c.args[0] for c in out.write.call_args_list)
