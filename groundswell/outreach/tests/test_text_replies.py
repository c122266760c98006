"""Answering replies: the texter's reply goes out once per click, canned responses fill the box,
late-evening answers are allowed only in a live exchange, and organisers hand conversations over."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_replies import send_reply
from groundswell.outreach.actions.texting import add_canned_response
from groundswell.outreach.models import Conversation, ConversationStatus, TextMessage

from .text_helpers import (
    NOON,
    campaign,
    frozen,
    inbound,
    organiser,
    person,
    person_of,
    send_first_text,
    signed_in,
    texter,
    twilio_settings,
)

pytestmark = pytest.mark.django_db
EVENING = datetime(2026, 1, 14, 21, 30, tzinfo=UTC)


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server):
        yield server


def _replied(fake: FakeTwilio, body: str = "What time?", now: datetime = NOON):  # type: ignore[no-untyped-def]
    volunteer, boss = texter(), organiser()
    made = campaign(boss, [person(given_name="Jo")], [volunteer])
    conversation = send_first_text(volunteer, made, now - timedelta(hours=1))
    path, params, headers = inbound(fake, conversation.phone, body)
    with frozen(now):
        Client().post(path, params, headers=headers)
    conversation.refresh_from_db()
    return volunteer, boss, made, conversation


def _last_id(conversation: Conversation) -> int:
    return conversation.messages.order_by("-pk").values_list("pk", flat=True)[0]


def test_a_reply_goes_out_once_however_often_it_is_posted(fake: FakeTwilio) -> None:
    volunteer, _, _, conversation = _replied(fake)
    client = signed_in(volunteer)
    url = reverse("outreach:text_reply", args=[conversation.pk])
    form = {"body": "Ten o'clock at the library", "after": _last_id(conversation)}

    with frozen(NOON):
        first = client.post(url, form, HTTP_HX_REQUEST="true")
        second = client.post(url, form, HTTP_HX_REQUEST="true")

    assert [m.body for m in fake.messages][1:] == ["Ten o'clock at the library"]
    assert "Sent to Jo." in first.content.decode()
    assert "Nothing was sent" in second.content.decode()
    conversation.refresh_from_db()
    assert conversation.needs_reply is False
    assert conversation.messages.filter(direction="out").count() == 2


def test_a_canned_response_fills_the_reply_box(fake: FakeTwilio) -> None:
    volunteer, _, made, conversation = _replied(fake)
    canned = add_canned_response(made, "Where", "Hi {given_name}, we meet at the library.")
    url = reverse("outreach:text_conversation", args=[conversation.pk])

    box = signed_in(volunteer).get(f"{url}?canned={canned.pk}", HTTP_HX_REQUEST="true")

    said = box.content.decode()
    assert said.strip().startswith('<div id="reply-box"')
    assert "Hi Jo, we meet at the library.</textarea>" in said
    assert fake.messages[1:] == []  # filling the box sends nothing


def test_an_evening_reply_is_allowed_in_a_live_exchange_only(fake: FakeTwilio) -> None:
    volunteer, _, _, conversation = _replied(fake, now=EVENING)
    later = EVENING + timedelta(hours=2)  # 23:30, long after their message
    refused = send_reply(
        volunteer, conversation, "Sorry, missed this", _last_id(conversation), now=later
    )
    assert refused.kind == "refused"
    assert refused.message.startswith("It's 23:30 for them")

    answered = send_reply(
        volunteer,
        conversation,
        "Ten o'clock",
        _last_id(conversation),
        now=EVENING + timedelta(minutes=5),
    )
    assert answered.went


def test_closing_takes_it_off_the_list_of_replies_to_answer(fake: FakeTwilio) -> None:
    volunteer, _, _, conversation = _replied(fake)
    signed_in(volunteer).post(reverse("outreach:text_conversation_close", args=[conversation.pk]))
    conversation.refresh_from_db()
    assert (conversation.status, conversation.needs_reply) == (ConversationStatus.CLOSED, False)


def test_an_organiser_hands_a_conversation_to_another_texter(fake: FakeTwilio) -> None:
    volunteer, boss, made, conversation = _replied(fake)
    other = texter()
    made.texters.add(person_of(other))
    url = reverse("outreach:text_reassign", args=[conversation.pk])

    assert signed_in(volunteer).post(url, {"texter": person_of(other).pk}).status_code == 403
    signed_in(boss).post(url, {"texter": person_of(other).pk})

    conversation.refresh_from_db()
    assert conversation.texter_id == person_of(other).pk
    assert "Jo" in signed_in(other).get(reverse("outreach:text_inbox")).content.decode()
    old = signed_in(volunteer).get(reverse("outreach:text_conversation", args=[conversation.pk]))
    assert old.status_code == 404


def test_an_empty_reply_is_refused_and_nothing_is_written(fake: FakeTwilio) -> None:
    volunteer, _, _, conversation = _replied(fake)
    url = reverse("outreach:text_reply", args=[conversation.pk])
    page = signed_in(volunteer).post(
        url, {"body": "  ", "after": _last_id(conversation)}, follow=True
    )
    assert "Write a reply first." in page.content.decode()
    assert TextMessage.objects.filter(direction="out").count() == 1
