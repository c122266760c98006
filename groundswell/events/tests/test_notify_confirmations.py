"""Sign-up confirmations, waitlist notices and promotions: who gets what, with which attachments."""

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

import icalendar
import pytest
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.urls import resolve
from django.utils import timezone

from groundswell.events import notify
from groundswell.events.qr import checkin_qr_png
from groundswell.events.reminders import send_due_reminders
from groundswell.events.tokens import read_token
from groundswell.people.models import EmailAddress

from .helpers import new_person, only_shift
from .notify_helpers import (
    calendar_in,
    calendar_part,
    only_vevent,
    parts,
    place,
    placed_event,
    sent_to,
)

pytestmark = pytest.mark.django_db
Capture = Callable[..., AbstractContextManager[Any]]
SITE = "https://act.example.org"


@pytest.fixture(autouse=True)
def _site() -> Any:
    with override_settings(
        SITE_URL=SITE,
        SITE_NAME="Groundswell",
        DEFAULT_FROM_EMAIL="Groundswell <hello@act.example.org>",
    ):
        yield


def _cancel_token(body: str) -> str:
    line = next(line for line in body.splitlines() if "/cancel/" in line)
    assert line.startswith(f"{SITE}/events/places/")
    match = resolve(urlsplit(line.strip()).path)
    assert match.url_name == "cancel_place"
    return str(match.kwargs["token"])


def test_a_place_is_confirmed_with_the_ics_the_qr_code_the_instructions_and_a_cancel_link(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event())
    person = new_person(given_name="Rosa")
    going = place(shift, person)
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(going)
    [message] = mail.outbox
    assert message.to == [EmailAddress.objects.get(person=person).address]
    assert message.from_email == "Groundswell <hello@act.example.org>"
    assert message.subject == "Groundswell: You're going to Canvass, leaflets; and tea"
    body = str(message.body)
    assert "Hello Rosa" in body
    assert "Ring the side bell; bring a clipboard." in body
    assert "https://meet.example.org/briefing" in body
    assert "Round Chapel, 1d Glenarm Road, London, E8 1DY" in body
    assert read_token("cancel", _cancel_token(body)) == going.pk
    ics_part = calendar_part(message)
    assert ics_part is not None
    assert ics_part.get_param("method") == "PUBLISH"
    assert ics_part.get_filename() == "event.ics"
    vevent = only_vevent(calendar_in(message))
    assert str(vevent["uid"]) == f"shift-{shift.pk}@act.example.org"
    assert vevent.decoded("dtstart") == shift.start.replace(microsecond=0)
    assert "side bell" in str(vevent["description"])
    [png] = [p for p in parts(message) if p.get_content_type() == "image/png"]
    assert png.get_payload(decode=True) == checkin_qr_png(going)


def test_the_time_in_the_email_is_london_time_with_its_zone(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    start = datetime(2027, 10, 31, 10, 0, tzinfo=ZoneInfo("Europe/London"))
    shift = only_shift(placed_event(start=start))
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(place(shift))
    assert "Sunday 31 October 2027, 10:00 to 12:00 (GMT)" in str(mail.outbox[0].body)


def test_the_waitlist_notice_gives_the_position_and_a_cancel_link_but_no_instructions(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event(capacity=1))
    place(shift)
    place(shift, status="waitlisted", signed_up=timezone.now() - timedelta(hours=2))
    second = place(shift, status="waitlisted", signed_up=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(second)
    [message] = mail.outbox
    body = str(message.body)
    assert "waitlist" in message.subject
    assert "number 2 in the queue" in body
    assert read_token("cancel", _cancel_token(body)) == second.pk
    assert "side bell" not in body and "meet.example.org" not in body
    assert calendar_part(message) is None and message.attachments == []


def test_someone_without_an_email_address_is_skipped_quietly(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    person = new_person()
    EmailAddress.objects.filter(person=person).delete()
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(place(only_shift(placed_event()), person))
    assert mail.outbox == []


def test_a_confirmation_needs_no_marketing_consent_but_a_bouncing_address_gets_nothing(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event())
    no_consent = new_person(email_consent=False)
    bouncing = new_person()
    EmailAddress.objects.filter(person=bouncing).update(status="bouncing")
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(place(shift, no_consent))
        notify.rsvp_confirmed(place(shift, bouncing))
    assert len(sent_to(no_consent)) == 1
    assert sent_to(bouncing) == []


def test_nothing_is_sent_for_a_sign_up_that_rolled_back(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event())
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        try:
            with transaction.atomic():
                notify.rsvp_confirmed(place(shift))
                raise RuntimeError("the sign-up failed after notifying")
        except RuntimeError:
            pass
    assert callbacks == [] and mail.outbox == []


def test_a_place_cancelled_before_the_email_goes_gets_no_confirmation(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    going = place(only_shift(placed_event()))
    going.status = "cancelled"
    going.save()
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(going)
    assert mail.outbox == []


def test_a_promotion_is_a_confirmation_with_the_ics_and_qr_code(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    promoted = place(only_shift(placed_event()))
    with django_capture_on_commit_callbacks(execute=True):
        notify.promoted(promoted)
    [message] = mail.outbox
    assert message.subject.endswith("You now have a place at Canvass, leaflets; and tea")
    assert "a place came free and it is yours" in str(message.body)
    assert "side bell" in str(message.body)
    assert isinstance(calendar_in(message), icalendar.Calendar)
    assert any(p.get_content_type() == "image/png" for p in parts(message))


def test_promotion_inside_the_reminder_windows_spends_those_reminders(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event(start=timezone.now() + timedelta(minutes=90)))
    promoted = place(shift)  # signed up a week ago, on the waitlist until now
    with django_capture_on_commit_callbacks(execute=True):
        notify.promoted(promoted)
    assert len(mail.outbox) == 1
    assert send_due_reminders() == 0
    assert len(mail.outbox) == 1


def test_a_waitlist_notice_overtaken_by_a_promotion_is_not_sent(
    django_capture_on_commit_callbacks: Capture,
) -> None:
    shift = only_shift(placed_event(capacity=1))
    waiting = place(shift, status="waitlisted")
    with django_capture_on_commit_callbacks(execute=True):
        notify.rsvp_confirmed(waiting)  # queued while still on the waitlist...
        waiting.status = "accepted"  # ...promoted before the queue reached it
        waiting.save()
        notify.promoted(waiting)
    [message] = mail.outbox
    assert "You now have a place" in message.subject
