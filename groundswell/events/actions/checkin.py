"""Writes at the door and after it: ticking people in, unticking, adding walk-ins, and sending a
follow-up email to those who came or those who did not.

Someone on the waitlist who turns up is checked in and given a place: they are standing at the door,
and turning them away there helps no one. A walk-in is added even when the shift is full, for the
same reason. Unticking someone only clears the tick: it never puts them back on the waitlist.
"""

from datetime import datetime
from functools import partial
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from groundswell.events.actions.creating import EventError
from groundswell.events.follow_up import email_follow_up
from groundswell.events.models import (
    Approval,
    Attendance,
    AttendanceStatus,
    Event,
    EventStatus,
    FollowUp,
    FollowUpAudience,
    Shift,
)
from groundswell.events.queries.checkin import follow_up_opens_at
from groundswell.events.queries.visibility import can_manage_event
from groundswell.geo.queries import LocationError, locate
from groundswell.people.actions import (
    PersonDetails,
    add_history,
    find_existing_person,
    record_consent,
    upsert_person,
)
from groundswell.people.contact import ContactError, Phone, normalise_email, normalise_phone
from groundswell.people.models import Channel, Person

ACCEPTED = AttendanceStatus.ACCEPTED
WALK_IN_METHOD = "walk-in at the door"


class CheckInRefused(EventError):
    """Why this check-in, walk-in or follow-up cannot be done, fit to show the organiser."""


def check_in(actor: Any, attendance: Attendance) -> Attendance:
    """Tick someone in. Ticking someone already in changes nothing and writes no history."""
    with transaction.atomic():
        current = _locked(attendance)
        _check_may_tick(actor, current.shift.event)
        if current.status == AttendanceStatus.CANCELLED:
            raise CheckInRefused(
                f"{current.person} cancelled their place. Add them as a walk-in instead."
            )
        if current.checked_in_at is None:
            was_waitlisted = current.status == AttendanceStatus.WAITLISTED
            _tick(current, timezone.now())
            _note_attended(current, actor, from_waitlist=was_waitlisted)
    return current


def undo_check_in(actor: Any, attendance: Attendance) -> Attendance:
    """Clear a tick made by mistake; allowed even once the event is cancelled."""
    with transaction.atomic():
        current = _locked(attendance)
        if not can_manage_event(actor, current.shift.event):
            raise PermissionDenied("Only the event's organisers can check people in.")
        if current.checked_in_at is not None:
            current.checked_in_at, current.attended = None, False
            current.save(update_fields=["checked_in_at", "attended"])
            add_history(
                current.person,
                "check_in_undone",
                f"Check-in undone for {_occasion(current.shift)}",
                actor,
                **_ids(current),
            )
    return current


def add_walk_in(
    actor: Any,
    shift: Shift,
    *,
    given_name: str,
    family_name: str = "",
    email: str = "",
    mobile: str = "",
    postal_code: str = "",
    email_consent: bool = False,
    sms_consent: bool = False,
) -> Attendance:
    """Someone who turned up without signing up: matched to the person with this email or mobile
    (whose details are left as they are) or recorded as new, given a place even if the shift is full,
    and checked in. Consent is recorded only where a box was ticked; nothing is ever withdrawn here."""
    _check_may_tick(actor, shift.event)
    details = _walk_in_details(given_name, family_name, email, mobile, postal_code)
    consents = {Channel.EMAIL: email_consent, Channel.SMS: sms_consent}
    with transaction.atomic():
        person = _walk_in_person(details, actor)
        for channel, granted in consents.items():
            if granted:
                record_consent(person, channel, True, WALK_IN_METHOD, actor)
        existing = Attendance.objects.select_for_update().filter(shift=shift, person=person).first()
        if existing is not None and existing.status != AttendanceStatus.CANCELLED:
            return check_in(actor, existing)
        attendance = _walk_in_attendance(existing, shift, person)
        _note_attended(attendance, actor, walk_in=True)
    return attendance


def send_follow_up(actor: Any, event: Event, *, audience: str, subject: str, body: str) -> FollowUp:
    """Record a follow-up and send it in the background once this transaction commits."""
    if not can_manage_event(actor, event):
        raise PermissionDenied("Only the event's organisers can send follow-ups.")
    subject, body = _checked_message(audience, subject, body)
    if event.status == EventStatus.CANCELLED:
        raise CheckInRefused("This event was cancelled, so there is no one to follow up.")
    opens = follow_up_opens_at(event)
    if opens is None or opens > timezone.now():
        raise CheckInRefused("Follow-ups can be sent once the event's last shift has started.")
    with transaction.atomic():
        Event.objects.select_for_update().filter(pk=event.pk).first()  # one send at a time
        same = FollowUp.objects.filter(event=event, audience=audience, subject=subject, body=body)
        if same.exists():
            raise CheckInRefused("This follow-up has already been sent to these people.")
        follow_up = FollowUp.objects.create(
            event=event, audience=audience, subject=subject, body=body, sent_by=actor
        )
        transaction.on_commit(partial(email_follow_up.enqueue, follow_up.pk))
    return follow_up


# --- checks and records ----------------------------------------------------------------------


def _locked(attendance: Attendance) -> Attendance:
    return (
        Attendance.objects.select_for_update(of=("self",))
        .select_related("shift__event", "person")
        .get(pk=attendance.pk)
    )


def _check_may_tick(actor: Any, event: Event) -> None:
    if not can_manage_event(actor, event):
        raise PermissionDenied("Only the event's organisers can check people in.")
    if event.status == EventStatus.CANCELLED:
        raise CheckInRefused(f"{event.title} has been cancelled, so no one can be checked in.")
    if event.approval != Approval.APPROVED:
        raise CheckInRefused(f"{event.title} has not been approved, so no one can be checked in.")


def _tick(attendance: Attendance, at: datetime) -> None:
    attendance.status, attendance.checked_in_at, attendance.attended = ACCEPTED, at, True
    attendance.save(update_fields=["status", "checked_in_at", "attended"])


def _walk_in_details(
    given_name: str, family_name: str, email: str, mobile: str, postal_code: str
) -> PersonDetails:
    given, family = given_name.strip(), family_name.strip()
    if not given:
        raise CheckInRefused("Give the walk-in's first name.")
    if len(given) > 150 or len(family) > 150:
        raise CheckInRefused("A name can be at most 150 characters.")
    if not email.strip() and not mobile.strip():
        raise CheckInRefused("Give an email address or a mobile number, so we can keep in touch.")
    try:
        address = normalise_email(email) if email.strip() else ""
        phone = normalise_phone(mobile) if mobile.strip() else None
    except ContactError as exc:
        raise CheckInRefused(str(exc)) from exc
    details = PersonDetails(
        given_name=given, family_name=family, email=address, phone=phone, source=WALK_IN_METHOD
    )
    return _placed(details, postal_code.strip())


def _placed(details: PersonDetails, postal_code: str) -> PersonDetails:
    if not postal_code:
        return details
    try:
        where = locate(postal_code)
    except LocationError as exc:
        raise CheckInRefused(str(exc)) from exc
    details.postal_code, details.lat, details.lng = where.postal_code, where.lat, where.lng
    details.location_precision, details.constituency_id = where.precision, where.constituency_id
    return details


def _walk_in_person(details: PersonDetails, actor: Any) -> Person:
    phone: Phone | None = details.phone
    mobile = phone.number if phone and phone.number_type == "mobile" else ""
    found = find_existing_person(details.email, mobile)
    if found is not None:
        return found  # whoever typed at the door does not get to rename someone on record
    person, _ = upsert_person(details, method=WALK_IN_METHOD, actor=actor)
    return person


def _walk_in_attendance(existing: Attendance | None, shift: Shift, person: Person) -> Attendance:
    now = timezone.now()
    attendance = existing or Attendance(shift=shift, person=person, referrer_data={})
    attendance.status, attendance.walk_in = ACCEPTED, True
    attendance.queued_at = attendance.action_date = attendance.checked_in_at = now
    attendance.attended = True
    attendance.save()
    return attendance


def _checked_message(audience: str, subject: str, body: str) -> tuple[str, str]:
    if audience not in FollowUpAudience.values:
        raise CheckInRefused(
            "Choose who the follow-up goes to: those who came, or those who did not."
        )
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise CheckInRefused("A follow-up needs a subject and a message.")
    if "\n" in subject or "\r" in subject or len(subject) > 200:
        raise CheckInRefused("The subject must be one line of at most 200 characters.")
    return subject, body


def _occasion(shift: Shift) -> str:
    start = timezone.localtime(shift.start).strftime("%-d %b %Y %H:%M")
    return f"{shift.event.title} on {start}"


def _ids(attendance: Attendance) -> dict[str, Any]:
    shift = attendance.shift
    return {"event_id": shift.event_id, "shift_id": shift.pk, "attendance_id": attendance.pk}


def _note_attended(
    attendance: Attendance, actor: Any, *, from_waitlist: bool = False, walk_in: bool = False
) -> None:
    summary = f"Came to {_occasion(attendance.shift)}"
    if walk_in:
        summary += " (walked in)"
    elif from_waitlist:
        summary += " (from the waitlist)"
    data = _ids(attendance) | {"walk_in": walk_in, "from_waitlist": from_waitlist}
    add_history(attendance.person, "attended", summary, actor, **data)
