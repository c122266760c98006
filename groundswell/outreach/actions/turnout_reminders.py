"""The reminder text before a meeting, for everyone a turnout drive counts as committed.

Rules:
- Committed: an accepted place on the meeting's shift, and eligible (in the drive's audience).
- Only to people who agreed to texts (`sms_consent`), on a mobile that can take texts and is not
  marked do-not-call, within texting hours in the recipient's time zone.
- Due from 24 hours before the meeting until 2 hours before it; a sweep outside texting hours
  sends nothing and the next one inside them sends it.
- At most once per person per drive: a "turnout_reminder" line on the person's history is the
  record. It is written (with the person's place locked, so two sweeps queue for it) before the
  text goes; a text the provider could not take is given back for the next sweep, unless it may
  have gone out.
"""

import logging
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from groundswell.events.models import Attendance, AttendanceStatus, EventStatus, Shift
from groundswell.messaging.sms.errors import SmsRefused, SmsUnavailable
from groundswell.messaging.sms.hours import within_hours
from groundswell.messaging.sms.numbers import NotTextable, textable
from groundswell.messaging.sms.provider import get_provider
from groundswell.outreach.actions.turnout import meeting_when
from groundswell.outreach.models import AssignmentKind, AssignmentStatus, CallAssignment
from groundswell.outreach.queries.turnout import turnout_shift
from groundswell.people.actions import add_history
from groundswell.people.models import HistoryEvent, Person, PhoneNumber
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import audience

logger = logging.getLogger(__name__)

KIND = "turnout_reminder"
OPENS = timedelta(hours=24)
CLOSES = timedelta(hours=2)


def send_due_turnout_reminders(now: datetime | None = None) -> int:
    """Send every turnout reminder due at `now`; returns how many texts went."""
    now = now or timezone.now()
    sent = 0
    for assignment, shift in due_drives(now):
        for attendance in to_remind(assignment, shift):
            sent += remind(assignment, attendance, now)
    return sent


def due_drives(now: datetime) -> list[tuple[CallAssignment, Shift]]:
    drives = (
        CallAssignment.objects.filter(
            kind=AssignmentKind.TURNOUT,
            event__status=EventStatus.CONFIRMED,
        )
        .exclude(status=AssignmentStatus.DRAFT)
        .select_related("audience__owner", "event")
    )
    due = []
    for assignment in drives:
        shift = turnout_shift(assignment)
        if shift is not None and shift.start - OPENS <= now < shift.start - CLOSES:
            due.append((assignment, shift))
    return due


def to_remind(assignment: CallAssignment, shift: Shift) -> list[Attendance]:
    """Committed people who agreed to texts and have not had this reminder."""
    try:
        eligible = audience(assignment.audience).order_by().values("pk")
    except DefinitionError:
        logger.warning("Turnout drive %s has an audience search that cannot be used", assignment.pk)
        return []
    reminded = HistoryEvent.objects.filter(kind=KIND, data__assignment_id=assignment.pk)
    places = Attendance.objects.filter(
        shift=shift, status=AttendanceStatus.ACCEPTED, person__sms_consent=True,
        person_id__in=eligible,
    ).exclude(person_id__in=reminded.values("person_id"))  # fmt: skip
    return list(places.select_related("person").order_by("pk"))


def mobile_for(person: Person) -> str | None:
    """The person's first textable mobile (primary first), in E.164."""
    numbers = PhoneNumber.objects.filter(person=person, number_type="mobile", do_not_call=False)
    for raw in numbers.order_by("-primary", "pk").values_list("number", flat=True):
        try:
            return textable(raw, settings.SMS_DEFAULT_REGION)
        except NotTextable:
            continue
    return None


def remind(assignment: CallAssignment, attendance: Attendance, now: datetime) -> int:
    number = mobile_for(attendance.person)
    if number is None or not _within_hours(number, now):
        return 0
    claim = _claim(assignment, attendance, now)
    if claim is None:
        return 0
    return _send(claim, number, message(assignment, attendance))


def _within_hours(number: str, now: datetime) -> bool:
    return within_hours(
        number, now, default_zone=ZoneInfo(settings.SMS_DEFAULT_TIME_ZONE),
        start=time(settings.SMS_HOURS_START), end=time(settings.SMS_HOURS_END),
    )  # fmt: skip


def _claim(
    assignment: CallAssignment, attendance: Attendance, now: datetime
) -> HistoryEvent | None:
    with transaction.atomic():
        place = Attendance.objects.select_for_update().filter(
            pk=attendance.pk, status=AttendanceStatus.ACCEPTED
        )
        if place.values_list("pk").first() is None:
            return None  # cancelled meanwhile
        mine = HistoryEvent.objects.filter(
            person_id=attendance.person_id, kind=KIND, data__assignment_id=assignment.pk
        )
        if mine.exists():
            return None
        return add_history(
            attendance.person, KIND, f"Reminder text for {assignment.event}: sending", None, now,
            assignment_id=assignment.pk, shift_id=attendance.shift_id, status="sending",
        )  # fmt: skip


def message(assignment: CallAssignment, attendance: Attendance) -> str:
    event = assignment.event
    where = f" at {event.venue}" if event and event.venue else ""
    name = attendance.person.given_name
    greeting = f"Hi {name}, " if name else "Hi, "
    return (
        f"{greeting}see you at {event} on {meeting_when(attendance.shift)}{where}. "
        "Every vote counts: thank you for coming! Reply STOP to stop texts."
    )


def _send(claim: HistoryEvent, number: str, body: str) -> int:
    about = claim.summary.removesuffix(": sending")
    status, summary = "sent", f"{about} sent to {number}"
    try:
        sent = get_provider().send(number, body)
        claim.data["provider_id"] = sent.provider_id
    except SmsUnavailable as exc:
        if not exc.maybe_sent:
            claim.delete()  # nothing went out: the next sweep tries again
            return 0
        status, summary = "maybe_sent", f"{about} to {number} may have gone: {exc.reason}"
    except SmsRefused as exc:
        status, summary = "refused", f"{about} to {number} refused: {exc.reason}"
    claim.data["status"], claim.summary = status, summary[:300]
    claim.save(update_fields=["data", "summary"])
    return 1 if status == "sent" else 0
