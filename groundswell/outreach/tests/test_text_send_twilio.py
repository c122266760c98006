"""Sending opening texts through the Twilio provider, against the fake Twilio server on localhost:
what goes out, and what happens when Twilio refuses a number or cannot be reached."""

from collections.abc import Iterator
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.models import ConversationStatus, TextCampaign, TextMessage
from groundswell.people.models import HistoryEvent, Person, PhoneNumber

from .text_helpers import (
    SITE,
    campaign,
    frozen,
    organiser,
    person,
    person_of,
    signed_in,
    texter,
    token_on,
    twilio_settings,
)

pytestmark = pytest.mark.django_db

LANDLINE = "+447400999001"  # a mobile by its prefix, but Twilio knows better (21614)
INVALID = "+447400999002"  # Twilio: not a valid phone number (21211)


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with (
        FakeTwilio(landlines={LANDLINE}, invalid={INVALID}) as server,
        twilio_settings(server),
        frozen(),
    ):
        yield server


def _one_person_campaign(number: str = "") -> tuple[TextCampaign, Person, Client]:
    volunteer = texter()
    Person.objects.filter(pk=person_of(volunteer).pk).update(given_name="Sam")
    someone = person(number, given_name="Jo")
    made = campaign(
        organiser(), [someone], [volunteer], message="Hi {given_name}, {texter_name} here."
    )
    return made, someone, signed_in(volunteer)


def _click(client: Client, made: TextCampaign) -> Any:
    url = reverse("outreach:text_send", args=[made.pk])
    return client.post(url, {"token": token_on(client.get(url))}, follow=True)


def test_a_click_sends_the_message_to_twilio_and_records_it(fake: FakeTwilio) -> None:
    made, someone, client = _one_person_campaign()
    page = client.get(reverse("outreach:text_send", args=[made.pk]))
    assert "Hi Jo, Sam here." in page.content.decode()

    after = client.post(page.request["PATH_INFO"], {"token": token_on(page)}, follow=True)

    [sent] = fake.messages
    phone = someone.phones.get().number
    assert (sent.to, sent.body, sent.sender) == (phone, "Hi Jo, Sam here.", "+447400000001")
    message = TextMessage.objects.get()
    assert sent.status_callback == SITE + reverse("outreach:sms_status", args=[message.pk])
    assert (message.provider_id, message.status, message.direction) == (sent.sid, "queued", "out")
    assert message.conversation.status == ConversationStatus.SENT
    assert HistoryEvent.objects.filter(person=someone, kind="texted").count() == 1
    assert "Sent to Jo." in after.content.decode()
    assert "No one is left to text" in after.content.decode()


def test_a_landline_is_refused_and_never_texted_again(fake: FakeTwilio) -> None:
    made, someone, client = _one_person_campaign(LANDLINE)
    after = _click(client, made)
    assert fake.messages == []
    conversation = made.conversations.get()
    assert conversation.status == ConversationStatus.FAILED
    assert "landline" in TextMessage.objects.get().error
    assert PhoneNumber.objects.get(number=LANDLINE).sms_capable is False
    assert "Not sent:" in after.content.decode()
    assert "landline" in after.content.decode()


def test_an_invalid_number_is_refused_and_marked(fake: FakeTwilio) -> None:
    made, someone, client = _one_person_campaign(INVALID)
    _click(client, made)
    assert made.conversations.get().status == ConversationStatus.FAILED
    assert "not a valid phone number" in TextMessage.objects.get().error
    assert PhoneNumber.objects.get(number=INVALID).sms_capable is False


def test_when_twilio_is_down_nothing_is_recorded_and_the_same_button_tries_again(
    fake: FakeTwilio,
) -> None:
    made, someone, client = _one_person_campaign()
    url = reverse("outreach:text_send", args=[made.pk])
    token = token_on(client.get(url))
    fake.fail_next(500)

    failed = client.post(url, {"token": token}, follow=True)

    assert "Try again" in failed.content.decode()
    assert TextMessage.objects.count() == 0
    assert made.conversations.get().status == ConversationStatus.WAITING
    client.post(url, {"token": token})
    assert len(fake.messages) == 1
    assert made.conversations.get().status == ConversationStatus.SENT


def test_a_send_that_times_out_is_not_offered_again_until_its_report_settles_it(
    fake: FakeTwilio,
) -> None:
    made, someone, client = _one_person_campaign()
    fake.hang_next()

    after = _click(client, made)

    message = TextMessage.objects.get()
    assert (message.status, message.provider_id) == ("unconfirmed", None)
    assert "may or may not have gone" in after.content.decode()
    assert made.conversations.get().status == ConversationStatus.SENT  # not back in the queue
    assert "No one is left to text" in after.content.decode()
