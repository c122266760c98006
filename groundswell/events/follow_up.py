"""Sending a follow-up email after an event (a background task). A follow-up is claimed with a
conditional update before anything is sent, so running the task twice never sends it twice: at most
once, by design (a half-sent follow-up is not retried; the page shows how many it reached)."""

from datetime import datetime

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone
from django_tasks import task

from groundswell.events.models import FollowUp, FollowUpAudience
from groundswell.events.queries.checkin import follow_up_audience
from groundswell.people.actions import add_history
from groundswell.people.models import Person

BATCH = 200


@task()
def email_follow_up(follow_up_id: int) -> int:
    """Send one follow-up; returns how many people it went to (0 if it was already sent)."""
    return deliver_follow_up(follow_up_id)


def deliver_follow_up(follow_up_id: int) -> int:
    claimed = FollowUp.objects.filter(pk=follow_up_id, sent_at__isnull=True).update(
        sent_at=timezone.now()
    )
    if not claimed:
        return 0
    follow_up = FollowUp.objects.select_related("event", "sent_by").get(pk=follow_up_id)
    people = list(follow_up_audience(follow_up.event, follow_up.audience))
    first = follow_up.event.shifts.order_by("start").first()
    day = timezone.localtime(first.start) if first else None
    sent = 0
    with get_connection() as connection:
        for start in range(0, len(people), BATCH):
            batch = people[start : start + BATCH]
            connection.send_messages([_message(follow_up, person, day) for person in batch])
            for person in batch:
                _note(follow_up, person)
            sent += len(batch)
            FollowUp.objects.filter(pk=follow_up_id).update(recipients=sent)
    return sent


def _message(follow_up: FollowUp, person: Person, day: datetime | None) -> EmailMessage:
    event = follow_up.event
    context = {
        "follow_up": follow_up,
        "event": event,
        "person": person,
        "day": day,
        "came": follow_up.audience == FollowUpAudience.ATTENDED,
        "SITE_NAME": settings.SITE_NAME,
    }
    body = render_to_string("events/checkin/follow_up_email.txt", context)
    reply_to = [event.contact_email] if event.contact_email else None
    return EmailMessage(
        follow_up.subject,
        body,
        to=[person.follow_up_address],  # type: ignore[attr-defined]
        reply_to=reply_to,
    )


def _note(follow_up: FollowUp, person: Person) -> None:
    add_history(
        person,
        "follow_up_sent",
        f"Sent the follow-up “{follow_up.subject}” after {follow_up.event.title}",
        follow_up.sent_by,
        event_id=follow_up.event_id,
        follow_up_id=follow_up.pk,
    )
