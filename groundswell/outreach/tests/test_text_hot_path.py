"""On PostgreSQL a texter's two clicks take the short path: "Send next" is one statement and "Send"
two (reserve, record the answer with the person's history), and what they write is what the
full path writes. Anything unusual drops to the full path, which says why."""

from collections.abc import Iterator
from typing import cast

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.actions.text_claims import claim_next, claim_token
from groundswell.outreach.actions.text_sending import send_opening_text
from groundswell.outreach.models import ConversationStatus, TextMessage
from groundswell.people.models import HistoryEvent, Person, PhoneNumber

from .text_helpers import NOON, campaign, frozen, organiser, person, texter, twilio_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the short path is PostgreSQL's"),
]


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server), frozen():
        yield server


def test_send_next_is_one_statement_and_send_two(fake: FakeTwilio) -> None:
    volunteer = texter()
    jo = person(given_name="Jo")
    made = campaign(organiser(), [jo], [volunteer])
    me = cast(Person, volunteer.person)

    with CaptureQueriesContext(connection) as claiming:
        claim = claim_next(me, made, now=NOON)
    assert claim.conversation is not None and claim.conversation.person.given_name == "Jo"
    assert claim.body.startswith("Hi Jo")
    token = claim.token  # what the page's send button carries
    with CaptureQueriesContext(connection) as sending:
        outcome = send_opening_text(volunteer, made, token, now=NOON)

    assert outcome.went, outcome.message
    assert (len(claiming), len(sending)) == (1, 2)
    message = TextMessage.objects.get()
    assert message.status == "queued" and message.provider_id == fake.messages[0].sid
    assert message.sent_by_id == me.pk and message.body.startswith("Hi Jo")
    made.refresh_from_db()
    assert made.conversations.get().status == ConversationStatus.SENT
    entry = HistoryEvent.objects.get(person=jo, kind="texted")
    assert entry.data == {"campaign": made.pk, "message": message.pk}
    assert entry.actor_id == volunteer.pk


def test_a_number_that_can_no_longer_take_texts_drops_to_the_full_path_which_says_so(
    fake: FakeTwilio,
) -> None:
    volunteer = texter()
    jo = person(given_name="Jo")
    made = campaign(organiser(), [jo], [volunteer])
    conversation = claim_next(cast(Person, volunteer.person), made, now=NOON).conversation
    assert conversation is not None
    PhoneNumber.objects.filter(person=jo).update(sms_capable=False)

    outcome = send_opening_text(volunteer, made, claim_token(conversation), now=NOON)

    assert outcome.kind == "refused" and "can no longer take texts" in outcome.message
    assert not fake.messages and not TextMessage.objects.exists()


def test_the_person_already_on_screen_comes_back_without_taking_another(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person(), person()], [volunteer])
    me = cast(Person, volunteer.person)

    first = claim_next(me, made, now=NOON).conversation
    again = claim_next(me, made, now=NOON).conversation

    assert first is not None and again is not None and again.pk == first.pk
    assert made.conversations.filter(texter=me).count() == 1
