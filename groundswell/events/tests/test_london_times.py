"""Shift times are what the organiser meant on the wall clock in London, either side of a clock change."""

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from groundswell.events.actions import create_event
from groundswell.events.models import Shift

from .helpers import national_organiser

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def _event_with(start: datetime, end: datetime) -> Shift:
    event = create_event(
        national_organiser(),
        title="Night shift",
        kind="phone_bank",
        online_url="https://meet.example.org/night",
        shifts=[(start, end, 3)],
    )
    return Shift.objects.get(event=event)


def test_a_shift_at_0130_on_the_night_the_clocks_go_back_keeps_its_wall_clock_times() -> None:
    # 31 October 2027 is the last Sunday of October: 01:00-02:00 happens twice.
    start = datetime(2027, 10, 31, 1, 30, tzinfo=LONDON)  # the first 01:30, still BST
    end = datetime(2027, 10, 31, 3, 30, tzinfo=LONDON)  # GMT
    shift = _event_with(start, end)
    local_start, local_end = shift.start.astimezone(LONDON), shift.end.astimezone(LONDON)
    assert (local_start.hour, local_start.minute) == (1, 30)
    assert (local_end.hour, local_end.minute) == (3, 30)
    assert shift.start == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert (shift.end - shift.start).total_seconds() == 3 * 3600  # the hour gained is worked


def test_a_shift_ending_in_the_repeated_hour_after_it_started_is_accepted() -> None:
    start = datetime(2027, 10, 31, 1, 40, tzinfo=LONDON)  # BST: 00:40 UTC
    end = datetime(2027, 10, 31, 1, 10, fold=1, tzinfo=LONDON)  # GMT: 01:10 UTC
    shift = _event_with(start, end)
    assert (shift.end - shift.start).total_seconds() == 30 * 60


def test_evening_shifts_either_side_of_the_change_are_both_at_six_pm_local() -> None:
    before = _event_with(
        datetime(2027, 10, 30, 18, tzinfo=LONDON), datetime(2027, 10, 30, 20, tzinfo=LONDON)
    )
    after = _event_with(
        datetime(2027, 11, 1, 18, tzinfo=LONDON), datetime(2027, 11, 1, 20, tzinfo=LONDON)
    )
    assert before.start.astimezone(LONDON).hour == after.start.astimezone(LONDON).hour == 18
    assert before.start.astimezone(UTC).hour == 17
    assert after.start.astimezone(UTC).hour == 18
