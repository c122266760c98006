"""Replies arrive by webhook: each lands in the conversation we last texted that number in, held
by the texter who sent it, and a replayed webhook is stored once."""

from collections.abc import Iterator
from datetime import timedelta
from typing import cast

import pytest
from django.test import Client

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.models import ConversationStatus, TextMessage
from groundswell.people.models import Person

from .text_helpers import (
    NOON,
    campaign,
    inbound,
    organiser,
    person,
    send_first_text,
    texter,
    twilio_settings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server):
        yield server


def test_a_reply_lands_in_the_right_conversation_held_by_the_texter_who_sent(
    fake: FakeTwilio,
) -> None:
    ana, ben = texter(), texter()
    jo, ali = person(given_name="Jo"), person(given_name="Ali")
    made = campaign(organiser(), [jo, ali], [ana, ben])
    first = send_first_text(ana, made)
    second = send_first_text(ben, made)

    path, params, headers = inbound(fake, second.phone, "Yes, I can come on Saturday")
    answer = Client().post(path, params, headers=headers)

    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/xml")
    assert answer.content.decode().endswith("<Response/>")
    reply = TextMessage.objects.get(direction="in")
    assert reply.conversation_id == second.pk
    assert reply.body == "Yes, I can come on Saturday"
    second.refresh_from_db()
    assert second.texter_id == cast(Person, ben.person).pk
    assert (second.status, second.needs_reply) == (ConversationStatus.REPLIED, True)
    first.refresh_from_db()
    assert (first.status, first.needs_reply) == (ConversationStatus.SENT, False)


def test_a_reply_goes_to_the_campaign_that_texted_them_last(fake: FakeTwilio) -> None:
    volunteer = texter()
    jo = person()
    older = campaign(organiser(), [jo], [volunteer], name="Spring")
    newer = campaign(organiser(), [jo], [volunteer], name="Summer")
    send_first_text(volunteer, older, NOON - timedelta(days=3))
    latest = send_first_text(volunteer, newer)

    path, params, headers = inbound(fake, latest.phone, "Which event is this?")
    Client().post(path, params, headers=headers)

    assert TextMessage.objects.get(direction="in").conversation_id == latest.pk


def test_a_replayed_webhook_is_stored_once(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    conversation = send_first_text(volunteer, made)
    path, params, headers = inbound(fake, conversation.phone, "See you there", sid="SM" + "a" * 32)

    answers = [Client().post(path, params, headers=headers).status_code for _ in range(3)]

    assert answers == [200, 200, 200]
    assert TextMessage.objects.filter(direction="in").count() == 1


def test_a_text_from_a_number_we_never_texted_is_not_stored(fake: FakeTwilio) -> None:
    path, params, headers = inbound(fake, "+447400555555", "Who is this?")
    answer = Client().post(path, params, headers=headers)
    assert answer.status_code == 200
    assert answer.content.decode().endswith("<Response/>")
    assert TextMessage.objects.count() == 0


def test_a_signed_webhook_without_a_sender_is_a_bad_request(fake: FakeTwilio) -> None:
    path, params, _ = inbound(fake, "+447400555555", "Hello")
    del params["From"]
    answer = Client().post(path, params, headers=fake.sign("https://gs.example.org" + path, params))
    assert answer.status_code == 400
    assert TextMessage.objects.count() == 0


def test_only_post_is_answered(fake: FakeTwilio) -> None:
    path, _, _ = inbound(fake, "+447400555555", "Hello")
    assert Client().get(path).status_code == 405
