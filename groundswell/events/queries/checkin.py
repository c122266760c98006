"""Reads for the door and after it: an event's check-in list, the place behind a scanned code, and
who a follow-up email goes to. The organiser's pages reach these only through get_event_for_manage."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Count, Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone

from groundswell.events.models import (
    Attendance,
    AttendanceStatus,
    Event,
    FollowUp,
    FollowUpAudience,
    Shift,
)
from groundswell.events.queries.visibility import get_event_for_manage
from groundswell.events.tokens import read_token
from groundswell.people.models import EmailAddress, Person

ACCEPTED = AttendanceStatus.ACCEPTED
WAITLISTED = AttendanceStatus.WAITLISTED
MAX_SEARCH = 100


@dataclass(frozen=True)
class CheckInList:
    shift: Shift
    going: list[Attendance]  # places, matching the search
    waitlisted: list[Attendance]  # the waitlist, matching the search
    here: int  # places ticked in, whatever the search
    expected: int  # places, whatever the search


def default_shift(shifts: Sequence[Shift], now: datetime | None = None) -> Shift:
    """The shift on now, else the next to start, else the last one (a list checked after the event)."""
    now = now or timezone.now()
    on_now = [s for s in shifts if s.start <= now < s.end]
    upcoming = [s for s in shifts if s.start > now]
    return (on_now or upcoming or [shifts[-1]])[0]


def pick_shift(event: Event, raw_shift_id: str | None) -> tuple[list[Shift], Shift]:
    """The event's shifts and the one asked for (404 if it is not this event's), else the default."""
    shifts = list(event.shifts.order_by("start", "id"))
    if not shifts:
        raise Http404("This event has no shifts.")
    if raw_shift_id and raw_shift_id.isdigit():
        chosen = next((s for s in shifts if s.pk == int(raw_shift_id)), None)
        if chosen is None:
            raise Http404("No such shift at this event.")
        return shifts, chosen
    return shifts, default_shift(shifts)


def checkin_list(shift: Shift, q: str = "") -> CheckInList:
    """Who has a place (and who is waiting) on one shift, by first name, optionally filtered."""
    rows = _rows(Attendance.objects.filter(shift=shift, status__in=[ACCEPTED, WAITLISTED]), q)
    here, expected = shift_counts(shift)
    return CheckInList(
        shift=shift,
        going=[a for a in rows if a.status == ACCEPTED],
        waitlisted=[a for a in rows if a.status == WAITLISTED],
        here=here,
        expected=expected,
    )


def checkin_row(attendance_id: int) -> Attendance:
    """One row of the list, as the list shows it (after a tick, by an id already checked)."""
    return _rows(Attendance.objects.filter(pk=attendance_id).select_related("shift__event"), "")[0]


def shift_counts(shift: Shift) -> tuple[int, int]:
    """(ticked in, places taken) on a shift."""
    counts = Attendance.objects.filter(shift=shift, status=ACCEPTED).aggregate(
        here=Count("pk", filter=Q(checked_in_at__isnull=False)), expected=Count("pk")
    )
    return counts["here"], counts["expected"]


def _rows(attendances: QuerySet[Attendance], q: str) -> list[Attendance]:
    for term in q.replace("\x00", "").split()[:5]:
        term = term[:MAX_SEARCH]
        email = EmailAddress.objects.filter(person=OuterRef("person"), address__icontains=term)
        attendances = attendances.filter(
            Q(person__given_name__icontains=term)
            | Q(person__family_name__icontains=term)
            | Exists(email)
        )
    primary = EmailAddress.objects.filter(primary=True)
    return list(
        attendances.select_related("person")
        .prefetch_related(Prefetch("person__emails", queryset=primary, to_attr="primary_emails"))
        .order_by("person__given_name", "person__family_name", "pk")
    )


def get_attendance_for_checkin(user: Any, event_pk: int, attendance_id: int) -> Attendance:
    """A place on this event for its organisers (403 for others; 404 if not this event's)."""
    event = get_event_for_manage(user, event_pk)
    attendance = (
        Attendance.objects.select_related("shift__event", "person")
        .filter(pk=attendance_id, shift__event=event)
        .first()
    )
    if attendance is None:
        raise Http404("No such place at this event.")
    return attendance


def attendance_for_scan(token: str) -> Attendance:
    """The place a check-in code was made for; 404 for a forged or stale code. The caller decides
    what this viewer may see of it."""
    attendance_id = read_token("checkin", token)
    attendance = (
        Attendance.objects.select_related("shift__event", "person").filter(pk=attendance_id).first()
        if attendance_id is not None
        else None
    )
    if attendance is None:
        raise Http404("This check-in code is not valid.")
    return attendance


# --- follow-ups ---------------------------------------------------------------------------------


def follow_up_opens_at(event: Event) -> datetime | None:
    """Follow-ups may be sent once the last shift has started (None: the event has no shifts)."""
    latest: datetime | None = event.shifts.aggregate(latest=Max("start"))["latest"]
    return latest


def follow_up_audience(event: Event, audience: str) -> QuerySet[Person]:
    """The people a follow-up goes to, each with `follow_up_address`. Those who came get it whatever
    their marketing consent (it is about the event they came to); those who did not come only if
    they consented to email. Anyone without a working address is left out."""
    came = Attendance.objects.filter(shift__event=event, attended=True)
    if audience == FollowUpAudience.ATTENDED:
        people = Person.objects.filter(pk__in=came.values("person_id"))
    elif audience == FollowUpAudience.NO_SHOW:
        signed_up = Attendance.objects.filter(shift__event=event, status=ACCEPTED)
        people = Person.objects.filter(pk__in=signed_up.values("person_id"), email_consent=True)
        people = people.exclude(pk__in=came.values("person_id"))
    else:
        return Person.objects.none()
    usable = EmailAddress.objects.filter(person=OuterRef("pk")).exclude(
        status__in=[EmailAddress.Status.BOUNCING, EmailAddress.Status.SPAM]
    )
    address = Subquery(usable.order_by("-primary", "address").values("address")[:1])
    return people.annotate(follow_up_address=address).filter(follow_up_address__isnull=False)


def follow_up_counts(event: Event) -> dict[str, int]:
    """How many people each audience would reach now, for the form's preview."""
    return {
        audience: follow_up_audience(event, audience).count()
        for audience in FollowUpAudience.values
    }


def follow_ups_of(event: Event) -> QuerySet[FollowUp]:
    return event.follow_ups.select_related("sent_by").order_by("-created_at", "-pk")
