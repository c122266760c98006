"""Every text is one human click: the same send button posted twice (a double click, a replayed
request) sends one text, and each click sends at most one."""

import html
from collections.abc import Iterator
from typing import cast

import pytest
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_claims import claim_token
from groundswell.outreach.actions.text_sending import send_opening_text
from groundswell.outreach.models import ConversationStatus, TextMessage
from groundswell.people.models import Person

from .text_helpers import (
    NOON,
    campaign,
    claimed,
    frozen,
    organiser,
    person,
    signed_in,
    texter,
    token_on,
    twilio_settings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server), frozen():
        yield server


def test_the_same_button_posted_twice_sends_one_text(fake: FakeTwilio) -> None:
    volunteer = texter()
    first, second = person(given_name="Jo"), person(given_name="Ali")
    made = campaign(organiser(), [first, second], [volunteer])
    client = signed_in(volunteer)
    url = reverse("outreach:text_send", args=[made.pk])
    token = token_on(client.get(url))

    client.post(url, {"token": token})
    again = client.post(url, {"token": token}, follow=True)

    assert len(fake.messages) == 1
    assert TextMessage.objects.count() == 1
    assert "has already been texted: nothing more was sent" in again.content.decode()
    statuses = sorted(made.conversations.values_list("status", flat=True))
    assert statuses == [ConversationStatus.SENT, ConversationStatus.WAITING]


def test_each_click_sends_one_text_to_the_person_on_screen(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person(), person(), person()], [volunteer])
    client = signed_in(volunteer)
    url = reverse("outreach:text_send", args=[made.pk])
    page = client.get(url)
    for clicks in (1, 2):
        page = client.post(url, {"token": token_on(page)}, HTTP_HX_REQUEST="true")
        assert len(fake.messages) == clicks
    assert sorted(m.to for m in fake.messages) == sorted(
        made.conversations.filter(status="sent").values_list("phone", flat=True)
    )


def test_a_forged_or_stale_token_sends_nothing(fake: FakeTwilio) -> None:
    ana, ben = texter(), texter()
    made = campaign(organiser(), [person()], [ana, ben])
    mine = claimed(ana, made)

    with pytest.raises(ValueError, match="out of date"):
        send_opening_text(ben, made, "made-up", now=NOON)
    refused = send_opening_text(ben, made, claim_token(mine), now=NOON)  # Ana's button, Ben's click

    assert refused.kind == "refused"
    assert fake.messages == []
    assert made.conversations.get().texter_id == cast(Person, ana.person).pk


def test_someone_who_is_not_a_texter_cannot_send(fake: FakeTwilio) -> None:
    volunteer, stranger = texter(), texter()
    made = campaign(organiser(), [person()], [volunteer])
    token = claim_token(claimed(volunteer, made))
    with pytest.raises(ValueError, match="not a texter"):
        send_opening_text(stranger, made, token, now=NOON)
    assert (
        signed_in(stranger)
        .post(reverse("outreach:text_send", args=[made.pk]), {"token": token})
        .status_code
        == 404
    )
    assert fake.messages == []


def test_the_text_that_goes_is_the_one_the_texter_saw(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person(given_name="Jo")], [volunteer])
    client = signed_in(volunteer)
    url = reverse("outreach:text_send", args=[made.pk])
    page = client.get(url)
    token = token_on(page)
    type(made).objects.filter(pk=made.pk).update(message="Changed after the screen was shown")

    client.post(url, {"token": token})

    assert len(fake.messages) == 1
    assert fake.messages[0].body in html.unescape(page.content.decode())
    assert "Changed" not in TextMessage.objects.get().body


def test_a_token_with_its_text_altered_sends_nothing(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    client = signed_in(volunteer)
    url = reverse("outreach:text_send", args=[made.pk])
    token = token_on(client.get(url))
    payload, _, signature = token.partition(":")
    forged = f"{payload[:-2]}xx:{signature}"

    client.post(url, {"token": forged})

    assert not fake.messages and not TextMessage.objects.exists()
