"""Texts go only within texting hours in the recipient's own time zone: outside them a click is
refused with their local time and when texting opens, and nothing is sent."""

from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

import pytest
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_claims import claim_token
from groundswell.outreach.actions.text_sending import send_opening_text
from groundswell.outreach.models import ConversationStatus, TextMessage

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

LATE = datetime(2026, 1, 14, 22, 10, tzinfo=UTC)  # 22:10 in London


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server):
        yield server


def test_a_click_after_hours_is_refused_and_sends_nothing(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    token = claim_token(claimed(volunteer, made, now=LATE - timedelta(hours=2)))

    outcome = send_opening_text(volunteer, made, token, now=LATE)

    assert outcome.kind == "refused"
    assert outcome.message.startswith("It's 22:10 for them: texting opens at 09:00 their time.")
    assert fake.messages == []
    assert TextMessage.objects.count() == 0
    conversation = made.conversations.get()
    assert conversation.status == ConversationStatus.WAITING
    assert conversation.claimed_until is None  # back in the queue for whoever texts tomorrow


def _put_on_screen(made, volunteer) -> str:  # type: ignore[no-untyped-def]
    # "Send next" skips people outside hours, so put one on the texter's screen by hand.
    made.conversations.update(texter=volunteer.person, claimed_until=NOON + timedelta(minutes=5))
    return claim_token(made.conversations.get())


def test_a_us_number_at_uk_daytime_is_refused(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person("+12125550123")], [volunteer])
    token = _put_on_screen(made, volunteer)  # as if claimed before the check changed

    outcome = send_opening_text(volunteer, made, token, now=NOON)

    assert outcome.kind == "refused"
    # 12:00 in London is 07:00 in New York.
    assert outcome.message.startswith("It's 07:00 for them: texting opens at 09:00")
    assert fake.messages == []


def test_the_campaign_s_own_hours_apply(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer], hours_start=time(13), hours_end=time(17))
    token = _put_on_screen(made, volunteer)
    outcome = send_opening_text(volunteer, made, token, now=NOON)
    assert outcome.message.startswith("It's 12:00 for them: texting opens at 13:00")
    assert fake.messages == []


def test_the_texter_is_told_when_everyone_left_is_outside_hours(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    with frozen(LATE):
        page = signed_in(volunteer).get(reverse("outreach:text_send", args=[made.pk]))
    said = page.content.decode()
    assert "Everyone left is outside texting hours now (1 waiting)" in said
    assert "the next opens at 09:00 UK time" in said
    assert 'name="token"' not in said


def test_within_hours_the_same_person_is_texted(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person()], [volunteer])
    client = signed_in(volunteer)
    url = reverse("outreach:text_send", args=[made.pk])
    with frozen(NOON):
        client.post(url, {"token": token_on(client.get(url))})
    assert len(fake.messages) == 1
