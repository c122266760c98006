"""The organiser's follow-up page: only after the event, only for its organisers, with a preview of
how many each audience reaches and a list of what was sent."""

from collections.abc import Callable
from datetime import timedelta
from html import unescape
from typing import Any

import pytest
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import signed_in_client, verified_client
from groundswell.events.actions.checkin import check_in
from groundswell.events.models import FollowUp, Shift
from groundswell.events.tests.helpers import new_group
from groundswell.people.models import Person

from .test_checkin_support import (
    Door,
    door,
    immediate_tasks,  # noqa: F401 - a fixture
    member_of,
    organiser_of,
    started,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

OnCommit = Callable[..., Any]
MESSAGE = {"audience": "attended", "subject": "Thank you", "body": "Same time next week?"}


def url(d: Door) -> str:
    return reverse("events:follow_up", args=[d.event.pk])


def finished() -> Door:
    """Rosa came; Kwame (who agreed to email) and Aisha (who did not) did not."""
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah"), ("Aisha", "Patel")])
    Person.objects.filter(pk=d.places[1].person_id).update(email_consent=True)
    check_in(d.organiser, d.places[0])
    started(d.shift)
    return d


def test_the_page_previews_how_many_each_audience_reaches() -> None:
    d = finished()

    page = verified_client(d.organiser).get(url(d)).content.decode()

    assert 'People who came <span class="muted">(1 will get it)' in page
    assert 'did not come <span class="muted">(1 will get it)' in page
    assert "No follow-ups yet." in page
    assert "Okafor" not in page  # counts, not names


def test_sending_queues_the_email_and_lists_it(
    mailoutbox: list[EmailMessage], django_capture_on_commit_callbacks: OnCommit
) -> None:
    d = finished()
    client = verified_client(d.organiser)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(d), MESSAGE)
    page = client.get(url(d)).content.decode()

    assert response.status_code == 302
    assert len(mailoutbox) == 1 and "Same time next week?" in str(mailoutbox[0].body)
    assert "Thank you" in page and "to 1 person" in page


def test_sending_the_same_follow_up_twice_is_refused(
    mailoutbox: list[EmailMessage], django_capture_on_commit_callbacks: OnCommit
) -> None:
    d = finished()
    client = verified_client(d.organiser)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url(d), MESSAGE)
        again = client.post(url(d), MESSAGE)

    assert again.status_code == 400
    assert "already been sent" in again.content.decode()
    assert FollowUp.objects.count() == 1 and len(mailoutbox) == 1


def test_it_cannot_be_sent_before_the_last_shift_has_started(
    mailoutbox: list[EmailMessage], django_capture_on_commit_callbacks: OnCommit
) -> None:
    d = door([("Rosa", "Okafor")])
    later = timezone.now() + timedelta(days=2)
    Shift.objects.create(event=d.event, start=later, end=later + timedelta(hours=1), capacity=3)
    started(d.shift)  # the first shift has begun, the second has not
    client = verified_client(d.organiser)

    page = client.get(url(d)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url(d), MESSAGE)

    assert "once the last shift has started" in page and "<textarea" not in page
    assert response.status_code == 400
    assert "once the event's last shift has started" in unescape(response.content.decode())
    assert not FollowUp.objects.exists() and mailoutbox == []


def test_a_cancelled_event_has_no_follow_up() -> None:
    d = finished()
    d.event.status = "cancelled"
    d.event.save()

    response = verified_client(d.organiser).post(url(d), MESSAGE)

    assert response.status_code == 400 and "was cancelled" in response.content.decode()
    assert not FollowUp.objects.exists()


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"subject": "Hi\r\nBcc: everyone@example.org"}, "one line"),
        ({"audience": "everyone"}, "Select a valid choice"),
        ({"body": "   "}, "This field is required"),
        ({"subject": "x" * 201}, "at most 200 characters"),
        ({"body": "nul \x00 byte"}, "Null characters are not allowed"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_written(
    changes: dict[str, str], message: str
) -> None:
    d = finished()

    response = verified_client(d.organiser).post(url(d), MESSAGE | changes)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not FollowUp.objects.exists()


def test_only_the_events_organisers_with_two_factor_may_use_it() -> None:
    d = finished()
    other = verified_client(organiser_of(new_group()))
    member = verified_client(member_of(d.group))

    assert other.get(url(d)).status_code == 403
    assert other.post(url(d), MESSAGE).status_code == 403
    assert member.get(url(d)).status_code == 403
    assert (
        signed_in_client(d.organiser)
        .get(url(d))["Location"]
        .startswith(reverse("accounts:two_factor"))
    )
    assert Client().get(url(d))["Location"].startswith(reverse("accounts:sign_in"))
    assert not FollowUp.objects.exists()
