"""Reminders a day and two hours before: sent once, never after the start, only to places, and not
straight after a late sign-up's confirmation."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime, timedelta

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import override_settings
from django.utils import timezone

from groundswell.events.models import Attendance, Event, Shift
from groundswell.events.reminders import send_due_reminders
from groundswell.people.models import EmailAddress

from .helpers import new_person, only_shift
from .notify_helpers import place, placed_event, sent_to

pytestmark = pytest.mark.django_db
H = timedelta(hours=1)


def _shift(days: int = 3) -> Shift:
    return only_shift(placed_event(start=timezone.now() + timedelta(days=days)))


def test_the_day_reminder_goes_a_day_before_with_the_instructions_and_cancel_link() -> None:
    shift = _shift()
    going = place(shift)
    assert send_due_reminders(now=shift.start - 25 * H) == 0
    assert send_due_reminders(now=shift.start - 23 * H) == 1
    [message] = sent_to(going.person)
    assert message.subject == "Groundswell: Tomorrow: Canvass, leaflets; and tea"
    body = str(message.body)
    assert "you are going to Canvass, leaflets; and tea tomorrow" in body
    assert "Ring the side bell; bring a clipboard." in body
    assert "Where: Round Chapel, 1d Glenarm Road, London, E8 1DY" in body
    assert "https://meet.example.org/briefing" in body
    assert "/events/places/" in body and "/cancel/" in body
    going.refresh_from_db()
    assert going.reminded_day_at == shift.start - 23 * H and going.reminded_hours_at is None


def test_the_hours_reminder_follows_two_hours_before() -> None:
    shift = _shift()
    going = place(shift)
    send_due_reminders(now=shift.start - 23 * H)
    assert send_due_reminders(now=shift.start - 3 * H) == 0
    assert send_due_reminders(now=shift.start - 90 * timedelta(minutes=1)) == 1
    day, hours = sent_to(going.person)
    assert "starts in a couple of hours" in str(hours.body)
    assert "Ring the side bell" in str(hours.body)


def test_each_reminder_is_sent_once_however_often_the_sweep_runs() -> None:
    shift = _shift()
    going = place(shift)
    for minutes in range(0, 22 * 60, 15):  # a day before, every 15 minutes
        send_due_reminders(now=shift.start - 24 * H + timedelta(minutes=minutes))
    for minutes in range(22 * 60, 24 * 60, 5):
        send_due_reminders(now=shift.start - 24 * H + timedelta(minutes=minutes))
    assert len(sent_to(going.person)) == 2


def test_nothing_is_sent_at_or_after_the_start() -> None:
    shift = _shift()
    going = place(shift)
    assert send_due_reminders(now=shift.start) == 0
    assert send_due_reminders(now=shift.start + timedelta(minutes=1)) == 0
    assert sent_to(going.person) == []


def test_only_the_hours_reminder_goes_when_the_first_sweep_is_inside_two_hours() -> None:
    shift = _shift()
    going = place(shift)
    assert send_due_reminders(now=shift.start - H) == 1
    [message] = sent_to(going.person)
    assert "starts in a couple of hours" in str(message.body)
    going.refresh_from_db()
    assert going.reminded_day_at is None  # and it never will be sent: its time has passed
    assert send_due_reminders(now=shift.start - timedelta(minutes=30)) == 0


def test_waitlisted_and_cancelled_places_get_no_reminder() -> None:
    shift = _shift()
    waiting = place(shift, status="waitlisted")
    gone = place(shift, status="cancelled")
    assert send_due_reminders(now=shift.start - 23 * H) == 0
    assert send_due_reminders(now=shift.start - H) == 0
    assert sent_to(waiting.person) == [] and sent_to(gone.person) == []


@pytest.mark.parametrize(
    ("field", "value"), [("status", "cancelled"), ("status", "tentative"), ("approval", "awaiting")]
)
def test_events_cancelled_tentative_or_unapproved_get_no_reminder(field: str, value: str) -> None:
    shift = _shift()
    place(shift)
    Event.objects.filter(pk=shift.event_id).update(**{field: value})
    assert send_due_reminders(now=shift.start - 23 * H) == 0
    assert send_due_reminders(now=shift.start - H) == 0


def test_someone_signing_up_inside_two_hours_gets_no_reminder_on_top_of_the_confirmation() -> None:
    shift = only_shift(placed_event(start=timezone.now() + timedelta(minutes=90)))
    late = place(shift, signed_up=timezone.now())
    assert send_due_reminders() == 0
    assert send_due_reminders(now=shift.start - timedelta(minutes=5)) == 0
    assert sent_to(late.person) == []


def test_someone_signing_up_on_the_day_skips_the_day_reminder_but_gets_the_hours_one() -> None:
    shift = _shift()
    same_day = place(shift, signed_up=shift.start - 10 * H)
    assert send_due_reminders(now=shift.start - 9 * H) == 0
    assert send_due_reminders(now=shift.start - H) == 1
    assert "a couple of hours" in str(sent_to(same_day.person)[0].body)


def test_a_shift_moved_later_is_reminded_again_for_its_new_time() -> None:
    shift = _shift()
    going = place(shift)
    old_start = shift.start
    assert send_due_reminders(now=old_start - 23 * H) == 1
    Shift.objects.filter(pk=shift.pk).update(
        start=old_start + timedelta(days=2), end=old_start + timedelta(days=2, hours=2)
    )
    assert send_due_reminders(now=old_start - H) == 0  # the old time means nothing now
    assert send_due_reminders(now=old_start + timedelta(days=2) - 23 * H) == 1
    assert len(sent_to(going.person)) == 2


def test_people_without_a_usable_address_are_skipped_and_others_still_reminded() -> None:
    shift = _shift()
    silent, reachable = new_person(), new_person()
    EmailAddress.objects.filter(person=silent).delete()
    place(shift, silent)
    place(shift, reachable)
    assert send_due_reminders(now=shift.start - 23 * H) == 1
    assert len(sent_to(reachable)) == 1


def test_a_sweep_for_one_shift_leaves_the_others() -> None:
    one, other = _shift(), _shift()
    place(one)
    place(other)
    assert send_due_reminders(now=one.start - 23 * H, shift_id=one.pk) == 1
    assert send_due_reminders(now=other.start - 23 * H) == 1


def test_a_failed_send_gives_the_reminder_back_for_the_next_sweep(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.core.mail import EmailMultiAlternatives

    shift = _shift()
    going = place(shift)
    now = shift.start - 23 * H

    def broken(self: EmailMultiAlternatives, fail_silently: bool = False) -> int:
        raise ConnectionRefusedError("smtp down")

    with monkeypatch.context() as patched:
        patched.setattr(EmailMultiAlternatives, "send", broken)
        assert send_due_reminders(now=now) == 0
    assert Attendance.objects.get(pk=going.pk).reminded_day_at is None
    assert send_due_reminders(now=now + timedelta(minutes=5)) == 1


def test_the_command_sweeps_everything_due_now() -> None:
    soon = only_shift(placed_event(start=timezone.now() + 20 * H))
    going = place(soon)
    out = _call("send_event_reminders")
    assert out.strip() == "Sent 1 reminder."
    assert len(sent_to(going.person)) == 1
    assert _call("send_event_reminders").strip() == "Sent 0 reminders."


def test_the_command_refuses_a_repeating_sweep_without_a_deferring_backend() -> None:
    with pytest.raises(CommandError, match="cron"):
        call_command("send_event_reminders", "--every", "5")
    with pytest.raises(CommandError, match="1 to 1440"):
        call_command("send_event_reminders", "--every", "0")


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_the_command_starts_a_sweep_that_enqueues_itself_again() -> None:
    from django_tasks import default_task_backend

    from groundswell.events.tasks import sweep_reminders

    default_task_backend.clear()  # type: ignore[attr-defined]
    _call("send_event_reminders", "--every", "5")
    [started] = default_task_backend.results  # type: ignore[attr-defined]
    assert started.task.func is sweep_reminders.func and started.args == [5]
    before = timezone.now()
    sweep_reminders.call(5)  # the worker running it
    again = default_task_backend.results[-1]  # type: ignore[attr-defined]
    assert again.task.func is sweep_reminders.func
    run_after: datetime = again.task.run_after
    assert before + timedelta(minutes=5) <= run_after <= timezone.now() + timedelta(minutes=5)


def _call(*args: str) -> str:
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_a_sweep_takes_the_same_few_queries_for_many_places(
    django_assert_max_num_queries: Callable[[int], AbstractContextManager[object]],
) -> None:
    shift = _shift()
    for _ in range(12):
        place(shift)
    # Two finds (one per window) with the addresses prefetched, then one claim per reminder.
    with django_assert_max_num_queries(2 * 2 + 12):
        assert send_due_reminders(now=shift.start - 23 * H) == 12


@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_starting_the_sweep_twice_on_the_database_queue_keeps_one_chain() -> None:
    from django_tasks_db.models import DBTaskResult

    first = _call("send_event_reminders", "--every", "5")
    second = _call("send_event_reminders", "--every", "5")

    assert "enqueued" in first and "already scheduled" in second
    assert DBTaskResult.objects.filter(task_path__endswith="sweep_reminders").count() == 1
