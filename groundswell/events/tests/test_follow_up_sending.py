"""Who a follow-up goes to (those who came, or the no-shows with email consent), and sending it once."""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.mail import EmailMessage

from groundswell.events.actions.checkin import check_in, send_follow_up
from groundswell.events.actions.rsvp import cancel_rsvp
from groundswell.events.follow_up import deliver_follow_up, email_follow_up
from groundswell.events.models import FollowUp
from groundswell.events.queries.checkin import follow_up_audience, follow_up_counts
from groundswell.people.models import EmailAddress, HistoryEvent, Person

from .test_checkin_support import (
    Door,
    door,
    immediate_tasks,  # noqa: F401 - a fixture
    sign_up,
    started,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

OnCommit = Callable[..., Any]


def after_the_event() -> Door:
    """Rosa and Kwame came (only Kwame agreed to email); Aisha (agreed) and Ben (did not) did not come;
    Cat stayed on the waitlist, Dan cancelled, and Eve came but we have no address for her."""
    d = door(
        [("Rosa", "Okafor"), ("Kwame", "Mensah"), ("Aisha", "Patel"), ("Ben", "Ng"), ("Eve", "Li")],
        capacity=6,
    )
    rosa, kwame, aisha, _ben, eve = d.places
    Person.objects.filter(pk__in=[kwame.person_id, aisha.person_id]).update(email_consent=True)
    EmailAddress.objects.filter(person_id=eve.person_id).delete()
    dan = sign_up(d.shift, "Dan", "Cole", email_consent=True)
    sign_up(d.shift, "Filler", "One")
    cat = sign_up(d.shift, "Cat", "Wu", email_consent=True)
    assert cat.status == "waitlisted"
    cancel_rsvp(dan)
    for place in (rosa, kwame, eve):
        check_in(d.organiser, place)
    started(d.shift)
    return d


def names(people: Any) -> set[str]:
    return {p.given_name for p in people}


def test_those_who_came_get_it_whatever_their_consent_if_we_have_an_address() -> None:
    d = after_the_event()

    assert names(follow_up_audience(d.event, "attended")) == {"Rosa", "Kwame"}


def test_no_shows_are_places_not_ticked_and_only_those_who_agreed_to_email() -> None:
    d = after_the_event()

    # Dan cancelled; Cat never had a place; Filler (a place) and Ben did not agree to email.
    assert names(follow_up_audience(d.event, "no_show")) == {"Aisha"}
    assert follow_up_counts(d.event) == {"attended": 2, "no_show": 1}


def test_someone_who_came_to_one_shift_is_not_a_no_show_for_missing_another() -> None:
    d = after_the_event()
    from groundswell.events.models import Attendance, Shift

    second = Shift.objects.create(event=d.event, start=d.shift.start, end=d.shift.end, capacity=5)
    kwame = d.places[1]
    Attendance.objects.create(
        shift=second, person_id=kwame.person_id, status="accepted", queued_at=second.start,
        action_date=second.start,
    )  # fmt: skip

    assert "Kwame" not in names(follow_up_audience(d.event, "no_show"))


def test_a_bouncing_address_is_left_out() -> None:
    d = after_the_event()
    EmailAddress.objects.filter(person_id=d.places[0].person_id).update(status="bouncing")

    assert names(follow_up_audience(d.event, "attended")) == {"Kwame"}


def test_sending_emails_each_recipient_once_with_history(
    mailoutbox: list[EmailMessage], django_capture_on_commit_callbacks: OnCommit
) -> None:
    d = after_the_event()
    d.event.contact_email = "hackney@example.org"
    d.event.save()

    with django_capture_on_commit_callbacks(execute=True):
        follow_up = send_follow_up(
            d.organiser,
            d.event,
            audience="attended",
            subject="Thank you for coming",
            body="We knocked on 400 doors. Next session on Saturday.",
        )

    assert sorted(m.to[0] for m in mailoutbox) == sorted(
        EmailAddress.objects.filter(person__given_name__in=["Rosa", "Kwame"]).values_list(
            "address", flat=True
        )
    )
    rosa_mail = next(m for m in mailoutbox if "Hello Rosa" in str(m.body))
    assert rosa_mail.subject == "Thank you for coming"
    assert "We knocked on 400 doors." in str(rosa_mail.body)
    assert "you came to Canvass Hackney" in str(rosa_mail.body)
    assert rosa_mail.reply_to == ["hackney@example.org"]
    follow_up.refresh_from_db()
    assert follow_up.sent_at is not None and follow_up.recipients == 2
    noted = HistoryEvent.objects.filter(kind="follow_up_sent")
    assert names(Person.objects.filter(history__in=noted)) == {"Rosa", "Kwame"}


def test_running_the_task_again_never_sends_twice(
    mailoutbox: list[EmailMessage], django_capture_on_commit_callbacks: OnCommit
) -> None:
    d = after_the_event()
    with django_capture_on_commit_callbacks(execute=True):
        follow_up = send_follow_up(
            d.organiser, d.event, audience="no_show", subject="We missed you", body="Next time?"
        )

    assert deliver_follow_up(follow_up.pk) == 0
    email_follow_up.enqueue(follow_up.pk)

    assert [m.to for m in mailoutbox] == [
        [EmailAddress.objects.get(person__given_name="Aisha").address]
    ]
    assert HistoryEvent.objects.filter(kind="follow_up_sent").count() == 1
    assert FollowUp.objects.get().recipients == 1


def test_nothing_is_sent_if_the_transaction_rolls_back(mailoutbox: list[EmailMessage]) -> None:
    d = after_the_event()

    # Without the on-commit callbacks running (as when the request's transaction fails) no task runs.
    send_follow_up(d.organiser, d.event, audience="attended", subject="Thanks", body="Thanks!")

    assert mailoutbox == []
    assert FollowUp.objects.get().sent_at is None
