"""The texter's inbox and the organiser's list of conversations: replies needing an answer first,
then newest first, each with its last message, in a fixed number of queries."""

import re
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_replies import close_conversation

from .text_helpers import (
    NOON,
    campaign,
    frozen,
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


def _reply(fake: FakeTwilio, phone: str, body: str, minutes: int) -> None:
    path, params, headers = inbound(fake, phone, body)
    with frozen(NOON + timedelta(minutes=minutes)):
        Client().post(path, params, headers=headers)


def _names(html: str) -> list[str]:
    return re.findall(r"<strong>([^<]+)</strong>", html)


def test_replies_to_answer_come_first_then_the_newest(fake: FakeTwilio) -> None:
    volunteer, boss = texter(), organiser()
    names = ["Ann", "Bea", "Cal", "Dev"]
    made = campaign(boss, [person(given_name=n, family_name="X") for n in names], [volunteer])
    texted = {c.person.given_name: c for c in (send_first_text(volunteer, made) for _ in names)}
    _reply(fake, texted["Ann"].phone, "Yes", 1)
    _reply(fake, texted["Bea"].phone, "Maybe", 2)
    _reply(fake, texted["Cal"].phone, "Sure", 3)
    close_conversation(texted["Cal"])  # answered: no longer needs a reply

    inbox = signed_in(volunteer).get(reverse("outreach:text_inbox")).content.decode()

    assert _names(inbox) == ["Bea X", "Ann X", "Cal X"]  # Dev never replied
    assert "Maybe" in inbox
    listing = signed_in(boss).get(reverse("outreach:text_conversations", args=[made.pk]))
    assert _names(listing.content.decode()) == ["Bea X", "Ann X", "Cal X", "Dev X"]


def _queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_the_lists_cost_the_same_queries_for_two_or_eight_conversations(fake: FakeTwilio) -> None:
    volunteer, boss = texter(), organiser()
    made = campaign(boss, [person() for _ in range(8)], [volunteer])
    mine, theirs = signed_in(volunteer), signed_in(boss)
    inbox, listing = (
        reverse("outreach:text_inbox"),
        reverse("outreach:text_conversations", args=[made.pk]),
    )
    for minute in range(2):
        _reply(fake, send_first_text(volunteer, made).phone, "Hi", minute)
    few = (_queries(mine, inbox), _queries(theirs, listing))
    for minute in range(2, 8):
        _reply(fake, send_first_text(volunteer, made).phone, "Hi", minute)
    assert (_queries(mine, inbox), _queries(theirs, listing)) == few
