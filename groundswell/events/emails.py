"""The emails about events: sign-up confirmations, waitlist and promotion notices, changes,
cancellations, reminders, and proposals for organisers to decide. One message per person (each
carries that person's own cancel link), plain text, from DEFAULT_FROM_EMAIL.

These are transactional (about an event the person signed up to or proposed), so they need no
marketing consent; they go to the primary address unless it bounces or complained of spam."""

from collections.abc import Iterable, Sequence
from email.mime.text import MIMEText
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Prefetch, Q, QuerySet
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import Role, User
from groundswell.events.calendar import event_url, place_text, shift_calendar
from groundswell.events.models import Approval, Attendance, AttendanceStatus, Event, Shift
from groundswell.events.qr import checkin_qr_png
from groundswell.events.tokens import make_token
from groundswell.groups.models import Membership
from groundswell.people.models import EmailAddress, Person

_UNDELIVERABLE = {EmailAddress.Status.BOUNCING, EmailAddress.Status.SPAM}


def primary_emails() -> Prefetch:
    """Prefetch for `person__emails` (or `emails`) leaving `primary_emails` on each person."""
    return Prefetch(
        "emails", queryset=EmailAddress.objects.filter(primary=True), to_attr="primary_emails"
    )


def with_addresses(attendances: QuerySet[Attendance]) -> QuerySet[Attendance]:
    emails = EmailAddress.objects.filter(primary=True)
    return attendances.select_related("shift__event__host_group", "person").prefetch_related(
        Prefetch("person__emails", queryset=emails, to_attr="primary_emails")
    )


def address_of(person: Person) -> str | None:
    """The person's primary address if mail can reach it; None means: send nothing."""
    emails = getattr(person, "primary_emails", None)
    if emails is None:
        emails = list(person.emails.filter(primary=True))
    usable = [email.address for email in emails if email.status not in _UNDELIVERABLE]
    return usable[0] if usable else None


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def cancel_url(attendance: Attendance) -> str:
    return absolute(reverse("events:cancel_place", args=[make_token("cancel", attendance.pk)]))


def when(shift: Shift) -> str:
    """e.g. "Sunday 25 October 2026, 10:00 to 12:00 (GMT)", in the site's time zone."""
    start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
    day = f"{start:%A} {start.day} {start:%B %Y}"
    finish = f"{end:%H:%M}"
    if end.date() != start.date():
        finish = f"{end:%A} {end.day} {end:%B %Y}, {end:%H:%M}"
    return f"{day}, {start:%H:%M} to {finish} ({start:%Z})"


def waitlist_position(attendance: Attendance) -> int:
    ahead = Attendance.objects.filter(
        shift_id=attendance.shift_id, status=AttendanceStatus.WAITLISTED
    ).filter(
        Q(queued_at__lt=attendance.queued_at)
        | Q(queued_at=attendance.queued_at, pk__lt=attendance.pk)
    )
    return ahead.count() + 1


def send_all(messages: Iterable[EmailMultiAlternatives]) -> int:
    """Send over one connection; the number sent."""
    batch = list(messages)
    return (get_connection().send_messages(batch) or 0) if batch else 0


def _message(
    to: str, subject: str, template: str, context: dict[str, Any]
) -> EmailMultiAlternatives:
    body = render_to_string(
        f"events/email/{template}.txt", {**context, "SITE_NAME": settings.SITE_NAME}
    )
    subject = " ".join(f"{settings.SITE_NAME}: {subject}".split())  # no newlines in a header
    return EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [to])


def _attendee_context(attendance: Attendance) -> dict[str, Any]:
    shift = attendance.shift
    event = shift.event
    going = attendance.status == AttendanceStatus.ACCEPTED
    return {
        "person": attendance.person,
        "event": event,
        "when": when(shift),
        "place": place_text(event, private=going),
        "online_url": event.online_url if going else "",
        "instructions": event.instructions.strip() if going else "",
        "going": going,
        "event_url": event_url(event),
        "cancel_url": cancel_url(attendance),
    }


def attach_calendar(message: EmailMultiAlternatives, attendance: Attendance, method: str) -> None:
    """The .ics as text/calendar with its METHOD in the content type, as iTIP (RFC 6047) asks."""
    ics = shift_calendar(attendance.shift, attendance=attendance, method=method)
    part = MIMEText(ics.decode("utf-8"), "calendar", "utf-8")
    part.set_param("method", method)
    part.add_header("Content-Disposition", "attachment", filename="event.ics")
    message.attach(part)


def attach_qr(message: EmailMultiAlternatives, attendance: Attendance) -> None:
    message.attach("check-in.png", checkin_qr_png(attendance), "image/png")


def place_message(
    attendance: Attendance, *, promoted: bool = False
) -> EmailMultiAlternatives | None:
    """After a sign-up: a place (with the .ics, the QR code and the instructions) or the waitlist."""
    to = address_of(attendance.person)
    if to is None:
        return None
    context = _attendee_context(attendance)
    title = attendance.shift.event.title
    if not context["going"]:
        context["position"] = waitlist_position(attendance)
        return _message(to, f"You're on the waitlist for {title}", "waitlist", context)
    subject = f"You now have a place at {title}" if promoted else f"You're going to {title}"
    message = _message(to, subject, "place", {**context, "promoted": promoted})
    attach_calendar(message, attendance, "PUBLISH")
    attach_qr(message, attendance)
    return message


def changed_message(
    attendance: Attendance, changes: Sequence[str]
) -> EmailMultiAlternatives | None:
    to = address_of(attendance.person)
    if to is None:
        return None
    context = {**_attendee_context(attendance), "changes": list(changes)}
    message = _message(to, f"Changed: {attendance.shift.event.title}", "changed", context)
    if context["going"]:
        attach_calendar(message, attendance, "PUBLISH")
    return message


def cancelled_message(attendance: Attendance) -> EmailMultiAlternatives | None:
    to = address_of(attendance.person)
    if to is None:
        return None
    context = {**_attendee_context(attendance), "find_url": absolute(reverse("events:find"))}
    message = _message(to, f"Cancelled: {attendance.shift.event.title}", "cancelled", context)
    if context["going"]:
        attach_calendar(message, attendance, "CANCEL")
    return message


REMINDER_SUBJECTS = {"day": "Tomorrow: {title}", "hours": "Starting soon: {title}"}


def reminder_message(attendance: Attendance, which: str) -> EmailMultiAlternatives | None:
    to = address_of(attendance.person)
    if to is None:
        return None
    context = {**_attendee_context(attendance), "which": which}
    subject = REMINDER_SUBJECTS[which].format(title=attendance.shift.event.title)
    return _message(to, subject, "reminder", context)


def reviewer_addresses(event: Event) -> list[str]:
    """The hosting group's organisers; else (no host, or none reachable) the national organisers."""
    if event.host_group_id is not None:
        organisers = Person.objects.filter(
            memberships__group_id=event.host_group_id, memberships__role=Membership.Role.ORGANISER
        ).prefetch_related(primary_emails())
        found = [address for person in organisers if (address := address_of(person))]
        if found:
            return sorted(set(found))
    nationals = User.objects.filter(role=Role.NATIONAL_ORGANISER, is_active=True)
    return sorted(set(nationals.values_list("email", flat=True)))


def proposal_messages(event: Event) -> list[EmailMultiAlternatives]:
    context = {
        "event": event,
        "shifts": [when(shift) for shift in event.shifts.all()],
        "proposer": event.proposed_by,
        "place": place_text(event, private=True),
        "event_url": event_url(event),
        "approvals_url": absolute(reverse("events:approvals")),
    }
    subject = f"Event awaiting approval: {event.title}"
    return [_message(to, subject, "proposal_awaiting", context) for to in reviewer_addresses(event)]


def decision_message(event: Event) -> EmailMultiAlternatives | None:
    proposer = event.proposed_by
    to = address_of(proposer) if proposer is not None else None
    if to is None or event.approval == Approval.AWAITING:
        return None
    approved = event.approval == Approval.APPROVED
    verb = "approved" if approved else "not approved"
    context = {
        "event": event,
        "person": proposer,
        "approved": approved,
        "event_url": event_url(event),
    }
    return _message(to, f"Your event was {verb}: {event.title}", "proposal_decided", context)
