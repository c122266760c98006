"""Delivery reports move a text's status forward only: a late or replayed report never undoes a
delivery, a failure that condemns the number stops it being texted, and a report settles a text
whose send timed out."""

from collections.abc import Iterator

import pytest
from django.test import Client

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_claims import claim_token
from groundswell.outreach.actions.text_sending import send_opening_text
from groundswell.outreach.models import ConversationStatus, TextMessage

from .text_helpers import (
    NOON,
    campaign,
    claimed,
    organiser,
    person,
    send_first_text,
    status_report,
    texter,
    twilio_settings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server):
        yield server


def _report(fake: FakeTwilio, message: TextMessage, status: str, code: str = "") -> int:
    path, params, headers = status_report(fake, message, status, code)
    return Client().post(path, params, headers=headers).status_code


def _sent_message(fake: FakeTwilio) -> TextMessage:
    volunteer = texter()
    return send_first_text(volunteer, campaign(organiser(), [person()], [volunteer])).messages.get()


def test_delivered_then_a_late_sent_stays_delivered(fake: FakeTwilio) -> None:
    message = _sent_message(fake)
    assert _report(fake, message, "sent") == 204
    assert _report(fake, message, "delivered") == 204
    assert _report(fake, message, "sent") == 204  # late, or replayed
    assert _report(fake, message, "queued") == 204
    message.refresh_from_db()
    assert message.status == "delivered"


def test_a_failure_after_delivery_is_ignored(fake: FakeTwilio) -> None:
    message = _sent_message(fake)
    _report(fake, message, "delivered")
    _report(fake, message, "undelivered", "30006")
    message.refresh_from_db()
    assert (message.status, message.error) == ("delivered", "")
    assert message.conversation.person.phones.get().sms_capable is True


def test_a_landline_report_fails_the_conversation_and_the_number(fake: FakeTwilio) -> None:
    message = _sent_message(fake)
    assert _report(fake, message, "undelivered", "30006") == 204
    message.refresh_from_db()
    assert message.status == "undelivered"
    assert "30006" in message.error
    assert message.conversation.status == ConversationStatus.FAILED
    assert message.conversation.person.phones.get().sms_capable is False


def test_a_report_settles_a_send_that_timed_out(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    fake.hang_next()
    outcome = send_opening_text(volunteer, made, claim_token(claimed(volunteer, made)), now=NOON)
    assert outcome.kind == "unconfirmed"
    message = TextMessage.objects.get()
    path, params, headers = status_report(fake, message, "delivered")
    params["MessageSid"] = params["SmsSid"] = "SM" + "b" * 32
    headers = fake.sign("https://gs.example.org" + path, params)

    assert Client().post(path, params, headers=headers).status_code == 204

    message.refresh_from_db()
    assert (message.status, message.provider_id) == ("delivered", "SM" + "b" * 32)


def test_a_report_for_no_such_message_is_404_and_an_unknown_status_400(fake: FakeTwilio) -> None:
    message = _sent_message(fake)
    path, params, headers = status_report(fake, message, "delivered")
    missing = path.replace(f"/{message.pk}/", "/999999/")
    headers = fake.sign("https://gs.example.org" + missing, params)
    assert Client().post(missing, params, headers=headers).status_code == 404
    path, params, _ = status_report(fake, message, "delivered")
    params["MessageStatus"] = params["SmsStatus"] = "exploded"
    headers = fake.sign("https://gs.example.org" + path, params)
    assert Client().post(path, params, headers=headers).status_code == 400
    message.refresh_from_db()
    assert message.status == "queued"
