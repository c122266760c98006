"""STOP, UNSUBSCRIBE and the like withdraw consent to texts at once and stop every campaign's
conversations with that person; a message that merely sounds like one is flagged for the texter;
START counts only from someone who had stopped texts by text."""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_replies import send_reply
from groundswell.outreach.models import Conversation, ConversationStatus
from groundswell.people.actions.records import record_consent
from groundswell.people.models import ConsentChange

from .text_helpers import (
    NOON,
    campaign,
    inbound,
    organiser,
    person,
    send_first_text,
    signed_in,
    texter,
    twilio_settings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server):
        yield server


def _reply(fake: FakeTwilio, phone: str, body: str) -> int:
    path, params, headers = inbound(fake, phone, body)
    return Client().post(path, params, headers=headers).status_code


@pytest.mark.parametrize("word", ["STOP", "stop", "Unsubscribe", " Stop. ", "opt out"])
def test_a_stop_word_withdraws_consent_at_once_and_stops_other_campaigns(
    fake: FakeTwilio, word: str
) -> None:
    volunteer = texter()
    jo = person()
    made = campaign(organiser(), [jo], [volunteer], name="Canvass")
    other = campaign(organiser(), [jo], [volunteer], name="Selection meeting")
    conversation = send_first_text(volunteer, made)

    assert _reply(fake, conversation.phone, word) == 200

    jo.refresh_from_db()
    assert jo.sms_consent is False
    change = ConsentChange.objects.get(person=jo)
    assert (change.channel, change.granted) == ("sms", False)
    assert change.method.startswith("replied ") and change.method.endswith(" by text")
    statuses = {
        c.campaign_id: (c.status, c.needs_reply) for c in Conversation.objects.filter(person=jo)
    }
    assert statuses == {
        made.pk: (ConversationStatus.OPTED_OUT, False),
        other.pk: (ConversationStatus.OPTED_OUT, False),
    }


def test_no_reply_can_go_to_someone_who_said_stop(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    conversation = send_first_text(volunteer, made)
    _reply(fake, conversation.phone, "STOP")
    conversation.refresh_from_db()
    last = conversation.messages.order_by("-pk").first()
    assert last is not None

    outcome = send_reply(volunteer, conversation, "Sorry to bother you", last.pk, now=NOON)

    assert outcome.kind == "refused"
    assert "opted out" in outcome.message
    assert len(fake.messages) == 1  # the opening text only


def test_a_message_that_sounds_like_stop_is_flagged_and_recorded_in_one_click(
    fake: FakeTwilio,
) -> None:
    volunteer = texter()
    jo = person()
    made = campaign(organiser(), [jo], [volunteer])
    conversation = send_first_text(volunteer, made)
    _reply(fake, conversation.phone, "Please stop texting me, I've moved away")
    jo.refresh_from_db()
    assert jo.sms_consent is True  # not a keyword: a person decides
    client = signed_in(volunteer)
    page = client.get(reverse("outreach:text_conversation", args=[conversation.pk]))
    assert "This looks like a request to stop: confirm?" in page.content.decode()

    client.post(reverse("outreach:text_opt_out", args=[conversation.pk]))

    jo.refresh_from_db()
    conversation.refresh_from_db()
    assert jo.sms_consent is False
    assert conversation.status == ConversationStatus.OPTED_OUT
    assert ConsentChange.objects.get(person=jo).recorded_by == volunteer


def test_start_restores_texts_only_for_someone_who_stopped_them_by_text(fake: FakeTwilio) -> None:
    volunteer = texter()
    by_text, by_form = person(), person()
    stopped = send_first_text(volunteer, campaign(organiser(), [by_text], [volunteer]))
    unsubscribed = send_first_text(volunteer, campaign(organiser(), [by_form], [volunteer]))
    _reply(fake, stopped.phone, "STOP")
    record_consent(by_form, "sms", False, "unsubscribe link in an email")

    _reply(fake, stopped.phone, "START")
    _reply(fake, unsubscribed.phone, "Yes")

    by_text.refresh_from_db()
    by_form.refresh_from_db()
    assert by_text.sms_consent is True
    assert by_form.sms_consent is False  # "Yes" to a texter is not consent to texts


def test_stop_from_a_number_with_no_conversation_still_withdraws_consent(fake: FakeTwilio) -> None:
    jo = person()
    _reply(fake, jo.phones.get().number, "STOP")
    jo.refresh_from_db()
    assert jo.sms_consent is False
