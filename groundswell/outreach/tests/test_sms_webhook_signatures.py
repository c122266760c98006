"""Webhooks must carry the provider's signature over the URL it called and its parameters: a forged,
tampered or unsigned request is refused with 403 and nothing is written."""

from collections.abc import Iterator

import pytest
from django.test import Client, override_settings

from groundswell.messaging.sms.console import sign_console_request
from groundswell.messaging.tests.fake_twilio import FakeTwilio, twilio_signature
from groundswell.outreach.models import TextMessage
from groundswell.people.models import ConsentChange

from .text_helpers import (
    SITE,
    campaign,
    inbound,
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


def _texted(fake: FakeTwilio):  # type: ignore[no-untyped-def]
    volunteer = texter()
    return send_first_text(volunteer, campaign(organiser(), [person()], [volunteer]))


def test_a_stop_signed_with_the_wrong_key_is_refused_and_changes_nothing(fake: FakeTwilio) -> None:
    conversation = _texted(fake)
    path, params, _ = inbound(fake, conversation.phone, "STOP")
    forged = {"X-Twilio-Signature": twilio_signature("not-the-auth-token", SITE + path, params)}

    answer = Client().post(path, params, headers=forged)

    assert answer.status_code == 403
    assert TextMessage.objects.filter(direction="in").count() == 0
    assert ConsentChange.objects.filter(channel="sms", granted=False).count() == 0
    conversation.person.refresh_from_db()
    assert conversation.person.sms_consent is True


@pytest.mark.parametrize("tamper", ["body", "url", "unsigned"])
def test_a_tampered_or_unsigned_reply_is_refused(fake: FakeTwilio, tamper: str) -> None:
    conversation = _texted(fake)
    path, params, headers = inbound(fake, conversation.phone, "Yes please")
    if tamper == "body":
        params["Body"] = "STOP"
    elif tamper == "url":  # signed for another site's URL
        headers = fake.sign("https://elsewhere.example.org" + path, params)
    else:
        headers = {}
    assert Client().post(path, params, headers=headers).status_code == 403
    assert TextMessage.objects.filter(direction="in").count() == 0


def test_a_forged_delivery_report_is_refused(fake: FakeTwilio) -> None:
    conversation = _texted(fake)
    message = conversation.messages.get()
    path, params, _ = status_report(fake, message, "failed", error_code="30006")
    forged = {"X-Twilio-Signature": twilio_signature("guess", SITE + path, params)}

    assert Client().post(path, params, headers=forged).status_code == 403

    message.refresh_from_db()
    assert message.status == "queued"
    assert conversation.person.phones.get().sms_capable is True


def test_a_report_signed_for_one_message_cannot_be_replayed_at_another(fake: FakeTwilio) -> None:
    volunteer = texter()
    made = campaign(organiser(), [person(), person()], [volunteer])
    first = send_first_text(volunteer, made).messages.get()
    second = send_first_text(volunteer, made).messages.get()
    path, params, headers = status_report(fake, first, "failed", error_code="30006")

    answer = Client().post(path.replace(f"/{first.pk}/", f"/{second.pk}/"), params, headers=headers)

    assert answer.status_code == 403
    second.refresh_from_db()
    assert second.status == "queued"


def test_the_console_provider_checks_its_own_signature(settings, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with override_settings(
        SMS_PROVIDER="console",
        SMS_FILE_PATH=tmp_path / "sms.log",
        SMS_CONSOLE_ECHO=False,
        SMS_CONSOLE_SECRET="dev-secret",
        SITE_URL=SITE,
    ):
        volunteer = texter()
        conversation = send_first_text(volunteer, campaign(organiser(), [person()], [volunteer]))
        path = "/outreach/sms/inbound/"
        params = {"MessageSid": "console-reply-1", "From": conversation.phone,
                  "To": "+447700900000", "Body": "Count me in"}  # fmt: skip
        good = {"X-Groundswell-Signature": sign_console_request(SITE + path, params)}
        bad = {"X-Groundswell-Signature": sign_console_request(SITE + path, params, "guess")}

        assert Client().post(path, params, headers=bad).status_code == 403
        assert Client().post(path, params, headers=good).status_code == 200
    assert TextMessage.objects.filter(direction="in").count() == 1
