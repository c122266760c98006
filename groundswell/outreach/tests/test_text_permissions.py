"""Who sees what: a texter sees only the conversations they hold; organisers see their own
campaigns (with a second factor) and nothing of another group's; anonymous visitors sign in."""

from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import add_member, signed_in_client
from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.models import TextCampaign

from .text_helpers import (
    audience_of,
    campaign,
    group_organiser,
    inbound,
    new_group,
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


def _group_campaign():  # type: ignore[no-untyped-def]
    group, boss = group_organiser()
    volunteer = texter()
    people = [person(), person()]
    for someone in people:
        add_member(group, someone)
    made = campaign(boss, people, [volunteer], group=group)
    return group, boss, volunteer, made


def test_a_texter_sees_only_the_conversations_they_hold(fake: FakeTwilio) -> None:
    ana, ben = texter(), texter()
    made = campaign(organiser(), [person(given_name="Jo"), person(given_name="Ali")], [ana, ben])
    mine, theirs = send_first_text(ana, made), send_first_text(ben, made)
    for conversation in (mine, theirs):
        path, params, headers = inbound(fake, conversation.phone, "Who's this?")
        Client().post(path, params, headers=headers)
    client = signed_in(ana)

    inbox = client.get(reverse("outreach:text_inbox")).content.decode()

    assert mine.person.full_name in inbox
    assert theirs.person.full_name not in inbox
    assert client.get(reverse("outreach:text_conversation", args=[mine.pk])).status_code == 200
    assert client.get(reverse("outreach:text_conversation", args=[theirs.pk])).status_code == 404
    reply = reverse("outreach:text_reply", args=[theirs.pk])
    assert client.post(reply, {"body": "Hi", "after": 0}).status_code == 404
    assert client.get(reverse("outreach:text_campaign", args=[made.pk])).status_code == 403


def test_an_organiser_of_another_group_gets_404_everywhere(fake: FakeTwilio) -> None:
    _, _, volunteer, made = _group_campaign()
    conversation = send_first_text(volunteer, made)
    _, other = group_organiser()
    client = signed_in(other)
    for name, pk in (
        ("text_campaign", made.pk),
        ("text_campaign_edit", made.pk),
        ("text_progress", made.pk),
        ("text_conversations", made.pk),
        ("text_conversation", conversation.pk),
        ("text_send", made.pk),
    ):
        assert client.get(reverse(f"outreach:{name}", args=[pk])).status_code == 404, name
    assert (
        client.post(
            reverse("outreach:text_campaign_change", args=[made.pk]), {"do": "close"}
        ).status_code
        == 404
    )
    made.refresh_from_db()
    assert made.status == "active"


def test_the_group_s_organiser_sees_every_conversation_with_a_second_factor(
    fake: FakeTwilio,
) -> None:
    _, boss, volunteer, made = _group_campaign()
    conversation = send_first_text(volunteer, made)
    url = reverse("outreach:text_conversation", args=[conversation.pk])

    assert signed_in(boss).get(url).status_code == 200
    unverified = signed_in_client(boss).get(url)
    assert unverified.status_code == 302
    assert "/two-factor/" in unverified["Location"]


def test_anonymous_visitors_are_sent_to_sign_in(fake: FakeTwilio) -> None:
    _, _, volunteer, made = _group_campaign()
    conversation = send_first_text(volunteer, made)
    for url in (
        reverse("outreach:text_campaigns"),
        reverse("outreach:text_inbox"),
        reverse("outreach:text_send", args=[made.pk]),
        reverse("outreach:text_campaign", args=[made.pk]),
        reverse("outreach:text_conversation", args=[conversation.pk]),
    ):
        answer = Client().get(url)
        assert answer.status_code == 302, url
        assert answer["Location"].startswith(reverse("accounts:sign_in")), url


def test_an_organiser_cannot_use_another_s_search_or_group(fake: FakeTwilio) -> None:
    _, boss = group_organiser()
    someone_elses = audience_of(organiser(), [person()])
    page = signed_in(boss).post(
        reverse("outreach:text_campaign_new"),
        {
            "name": "Sneaky",
            "audience": someone_elses.pk,
            "group": new_group().pk,
            "message": "Hi {given_name}",
            "texters": boss.email,
        },  # fmt: skip
    )
    assert page.status_code == 400
    assert TextCampaign.objects.count() == 0
