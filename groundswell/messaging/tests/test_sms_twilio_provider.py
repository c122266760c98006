"""The Twilio provider against a fake Twilio server on localhost speaking its HTTP API."""

import base64
import socket
import time
from collections.abc import Iterator

import pytest

from groundswell.messaging.sms.errors import SmsRefused, SmsUnavailable
from groundswell.messaging.sms.twilio import TwilioProvider
from groundswell.messaging.tests.fake_twilio import FakeTwilio

MOBILE = "+447400123456"
LANDLINE = "+442079460018"
UNSUBSCRIBED = "+447911123456"
SENDER = "+447400000001"


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio(landlines={LANDLINE}, unsubscribed={UNSUBSCRIBED}) as server:
        yield server


def provider_for(fake: FakeTwilio, **overrides: object) -> TwilioProvider:
    options: dict = {
        "account_sid": fake.account_sid,
        "auth_token": fake.auth_token,
        "from_number": SENDER,
        "api_base": fake.url,
        "timeout": 2.0,
    }
    options.update(overrides)
    return TwilioProvider(**options)


def test_it_sends_a_text_and_returns_twilios_message_id(fake: FakeTwilio) -> None:
    sent = provider_for(fake).send(MOBILE, "Can you help at the AGM on Tuesday?")

    assert sent.provider_id.startswith("SM") and len(sent.provider_id) == 34
    assert sent.status == "queued"
    assert sent.segments == 1
    [request] = fake.requests
    assert request.path == f"/2010-04-01/Accounts/{fake.account_sid}/Messages.json"
    assert request.form == {
        "To": MOBILE,
        "From": SENDER,
        "Body": "Can you help at the AGM on Tuesday?",
    }
    assert fake.message(sent.provider_id).to == MOBILE


def test_it_authenticates_with_the_account_sid_and_auth_token(fake: FakeTwilio) -> None:
    provider_for(fake).send(MOBILE, "Hello")

    expected = base64.b64encode(f"{fake.account_sid}:{fake.auth_token}".encode()).decode()
    assert fake.requests[0].headers["Authorization"] == f"Basic {expected}"


def test_a_wrong_auth_token_is_unavailable_not_a_refusal(fake: FakeTwilio) -> None:
    with pytest.raises(SmsUnavailable, match="credentials") as caught:
        provider_for(fake, auth_token="wrong").send(MOBILE, "Hello")

    assert caught.value.code == "20003"
    assert not caught.value.maybe_sent
    assert fake.messages == []


def test_it_passes_the_status_callback_url_through(fake: FakeTwilio) -> None:
    callback = "https://groundswell.example/texting/status/42/"
    sent = provider_for(fake).send(MOBILE, "Hello", status_callback=callback)

    assert fake.requests[0].form["StatusCallback"] == callback
    assert fake.message(sent.provider_id).status_callback == callback


def test_a_messaging_service_replaces_the_from_number(fake: FakeTwilio) -> None:
    service = "MG" + "ab" * 16
    sent = provider_for(fake, from_number="", messaging_service_sid=service).send(MOBILE, "Hi")

    assert "From" not in fake.requests[0].form
    assert fake.requests[0].form["MessagingServiceSid"] == service
    assert sent.status == "queued"  # Twilio's "accepted" means queued by the service


def test_a_long_or_unicode_text_reports_twilios_segment_count(fake: FakeTwilio) -> None:
    provider = provider_for(fake)

    assert provider.send(MOBILE, "a" * 161).segments == 2
    assert provider.send(MOBILE, "Thanks 👋 " * 10).segments == 2


def test_a_landline_is_refused_for_good(fake: FakeTwilio) -> None:
    with pytest.raises(SmsRefused, match="landline") as caught:
        provider_for(fake).send(LANDLINE, "Hello")

    assert caught.value.code == "21614"
    assert caught.value.permanent


def test_an_invalid_number_is_refused_for_good(fake: FakeTwilio) -> None:
    with pytest.raises(SmsRefused, match="not a valid phone number") as caught:
        provider_for(fake).send("+4412", "Hello")

    assert caught.value.code == "21211"
    assert caught.value.permanent


def test_a_number_that_replied_stop_is_refused_for_good(fake: FakeTwilio) -> None:
    with pytest.raises(SmsRefused, match="STOP") as caught:
        provider_for(fake).send(UNSUBSCRIBED, "Hello")

    assert caught.value.code == "21610"
    assert caught.value.permanent


def test_an_unreachable_number_is_refused_but_not_condemned() -> None:
    with FakeTwilio(unreachable={MOBILE}) as fake, pytest.raises(SmsRefused) as caught:
        provider_for(fake).send(MOBILE, "Hello")

    assert caught.value.code == "21612"
    assert not caught.value.permanent


def test_a_server_error_is_unavailable_so_the_send_can_be_retried(fake: FakeTwilio) -> None:
    fake.fail_next(500)
    provider = provider_for(fake)

    with pytest.raises(SmsUnavailable) as caught:
        provider.send(MOBILE, "Hello")

    assert not isinstance(caught.value, SmsRefused)
    assert not caught.value.maybe_sent
    assert provider.send(MOBILE, "Hello").provider_id  # the retry goes through


def test_a_throttled_send_is_unavailable(fake: FakeTwilio) -> None:
    fake.fail_next(429)

    with pytest.raises(SmsUnavailable, match="throttling"):
        provider_for(fake).send(MOBILE, "Hello")


def test_a_hanging_server_times_out_quickly_and_says_the_text_may_have_gone(
    fake: FakeTwilio,
) -> None:
    fake.hang_next()
    started = time.monotonic()

    with pytest.raises(SmsUnavailable, match="may or may not") as caught:
        provider_for(fake, timeout=0.5).send(MOBILE, "Hello")

    assert time.monotonic() - started < 3
    assert caught.value.maybe_sent
    assert len(fake.requests) == 1  # the request did reach the server


def test_a_refused_connection_is_unavailable_and_nothing_was_sent() -> None:
    with socket.socket() as probe:  # a port on which nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    provider = TwilioProvider(
        account_sid="AC" + "0" * 32,
        auth_token="token",
        from_number=SENDER,
        api_base=f"http://127.0.0.1:{port}",
        timeout=1,
    )

    with pytest.raises(SmsUnavailable, match="Could not reach Twilio") as caught:
        provider.send(MOBILE, "Hello")

    assert not caught.value.maybe_sent


def test_it_needs_a_sender() -> None:
    with pytest.raises(ValueError, match="From number"):
        TwilioProvider(account_sid="AC1", auth_token="t")
