"""Background work for events: the emails notify.py enqueues, and the reminder sweeps.

Each task takes ids, loads fresh rows and decides from what is true when it runs: a place cancelled
meanwhile gets no confirmation, a cancelled event no reminder."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from groundswell.events import emails, reminders
from groundswell.events.models import Approval, Attendance, AttendanceStatus, Event, EventStatus

ACCEPTED, WAITLISTED = AttendanceStatus.ACCEPTED, AttendanceStatus.WAITLISTED


def _attendance(attendance_id: int) -> Attendance | None:
    found = emails.with_addresses(Attendance.objects.filter(pk=attendance_id))
    return found.exclude(shift__event__status=EventStatus.CANCELLED).first()


@task()
def send_rsvp_confirmation(attendance_id: int, status: str = "") -> int:
    """`status` is the one signed up to: if it has changed since (cancelled, or promoted off the
    waitlist, which sends its own notice), this confirmation is out of date and is not sent."""
    attendance = _attendance(attendance_id)
    if attendance is None or attendance.status not in (ACCEPTED, WAITLISTED):
        return 0
    if status and attendance.status != status:
        return 0
    message = emails.place_message(attendance)
    return message.send() if message is not None else 0


@task()
def send_promotion(attendance_id: int) -> int:
    attendance = _attendance(attendance_id)
    if attendance is None or attendance.status != ACCEPTED:
        return 0
    if attendance.shift.start <= timezone.now():
        return 0
    # This notice has the details a reminder would repeat, so reminders already due are spent.
    reminders.mark_open_windows_sent(attendance)
    message = emails.place_message(attendance, promoted=True)
    return message.send() if message is not None else 0


def _still_to_come(event_id: int) -> list[Attendance]:
    """Everyone with a place or on the waitlist for a shift of this event that has not ended."""
    attendances = Attendance.objects.filter(
        shift__event_id=event_id, status__in=[ACCEPTED, WAITLISTED], shift__end__gt=timezone.now()
    )
    return list(emails.with_addresses(attendances).order_by("shift__start", "pk"))


@task()
def send_event_changed(event_id: int, changes: list[str]) -> int:
    if not Event.objects.filter(pk=event_id).exclude(status=EventStatus.CANCELLED).exists():
        return 0
    notices = (emails.changed_message(a, changes) for a in _still_to_come(event_id))
    return emails.send_all(m for m in notices if m is not None)


@task()
def send_event_cancelled(event_id: int) -> int:
    notices = (emails.cancelled_message(a) for a in _still_to_come(event_id))
    return emails.send_all(m for m in notices if m is not None)


def _event(event_id: int) -> Event | None:
    events = Event.objects.select_related("host_group", "proposed_by")
    return events.filter(pk=event_id).first()


@task()
def send_proposal_awaiting(event_id: int) -> int:
    event = _event(event_id)
    if event is None or event.approval != Approval.AWAITING:
        return 0  # decided meanwhile: nothing left to ask
    return emails.send_all(emails.proposal_messages(event))


@task()
def send_proposal_decided(event_id: int) -> int:
    event = _event(event_id)
    message = emails.decision_message(event) if event is not None else None
    return message.send() if message is not None else 0


@task()
def send_shift_reminders(shift_id: int) -> int:
    """Scheduled for a day and two hours before a shift (when the backend can defer tasks)."""
    return reminders.send_due_reminders(shift_id=shift_id)


@task()
def sweep_reminders(every_minutes: int = 5) -> int:
    """Send every due reminder, then run again in `every_minutes` (started by
    `manage.py send_event_reminders --every 5`). Safe to run alongside other sweeps."""
    try:
        return reminders.send_due_reminders()
    finally:
        if every_minutes > 0 and sweep_reminders.get_backend().supports_defer:
            later = timezone.now() + timedelta(minutes=every_minutes)
            sweep_reminders.using(run_after=later).enqueue(every_minutes)
