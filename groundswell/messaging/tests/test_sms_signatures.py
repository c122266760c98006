"""Webhook signatures: Twilio's published example, and forgeries the providers must reject."""

import pytest

from groundswell.messaging.sms.console import ConsoleProvider, sign_console_request
from groundswell.messaging.sms.signatures import compute_signature, signature_matches
from groundswell.messaging.sms.twilio import TwilioProvider
from groundswell.messaging.tests.fake_twilio import FakeTwilio

# Twilio's documented example (https://www.twilio.com/docs/usage/webhooks/webhooks-security),
# as used in Twilio's helper libraries' tests: token 12345, this URL, these five parameters.
DOCS_URL = "https://mycompany.com/myapp.php?foo=1&bar=2"
DOCS_TOKEN = "12345"


def docs_params(caller: str) -> dict[str, str]:
    return {
        "CallSid": "CA1234567890ABCDE",
        "Caller": caller,
        "Digits": "1234",
        "From": caller,
        "To": "+18005551212",
    }


@pytest.mark.parametrize(
    ("caller", "expected"),
    [
        ("+14158675309", "RSOYDt4T1cUTdK1PDd93/VVr8B8="),  # the long-standing docs example
        ("+12349013030", "0/KCTR6DLpKmkAf8muzZqo1nDgQ="),  # the current docs example
    ],
)
def test_it_reproduces_twilios_published_signatures(caller: str, expected: str) -> None:
    assert compute_signature(DOCS_TOKEN, DOCS_URL, docs_params(caller)) == expected
    assert signature_matches(DOCS_TOKEN, DOCS_URL, docs_params(caller), expected)


WEBHOOK_URL = "https://groundswell.example/texting/webhooks/inbound/"


@pytest.fixture
def fake() -> FakeTwilio:
    return FakeTwilio()  # not started: only its independent signing is used here


def twilio(fake: FakeTwilio, token: str = "") -> TwilioProvider:
    return TwilioProvider(
        account_sid=fake.account_sid,
        auth_token=token or fake.auth_token,
        from_number="+447400000001",
    )


def test_a_webhook_signed_by_twilio_is_accepted(fake: FakeTwilio) -> None:
    params, headers = fake.inbound_request(WEBHOOK_URL, from_number="+447400123456", body="Yes!")

    assert twilio(fake).verify_request(WEBHOOK_URL, params, headers)


def test_the_header_is_found_whatever_its_case(fake: FakeTwilio) -> None:
    params, headers = fake.inbound_request(WEBHOOK_URL, from_number="+447400123456", body="Yes")
    lower = {"x-twilio-signature": headers["X-Twilio-Signature"]}

    assert twilio(fake).verify_request(WEBHOOK_URL, params, lower)


def test_a_tampered_body_is_rejected(fake: FakeTwilio) -> None:
    params, headers = fake.inbound_request(WEBHOOK_URL, from_number="+447400123456", body="Yes")

    assert not twilio(fake).verify_request(WEBHOOK_URL, {**params, "Body": "STOP"}, headers)
    assert not twilio(fake).verify_request(WEBHOOK_URL, {**params, "Extra": "1"}, headers)
    forged_sender = {**params, "From": "+447911123456"}
    assert not twilio(fake).verify_request(WEBHOOK_URL, forged_sender, headers)


@pytest.mark.parametrize(
    "other_url",
    [
        "https://groundswell.example/texting/webhooks/status/",
        "http://groundswell.example/texting/webhooks/inbound/",
        "https://groundswell.example/texting/webhooks/inbound/?campaign=2",
        "https://evil.example/texting/webhooks/inbound/",
    ],
)
def test_a_signature_for_another_url_is_rejected(fake: FakeTwilio, other_url: str) -> None:
    params, headers = fake.inbound_request(WEBHOOK_URL, from_number="+447400123456", body="Yes")

    assert not twilio(fake).verify_request(other_url, params, headers)


def test_a_signature_made_with_another_token_is_rejected(fake: FakeTwilio) -> None:
    params, headers = fake.inbound_request(WEBHOOK_URL, from_number="+447400123456", body="Yes")

    assert not twilio(fake, token="another-accounts-token").verify_request(
        WEBHOOK_URL, params, headers
    )


@pytest.mark.parametrize("headers", [{}, {"X-Twilio-Signature": ""}, {"X-Other": "abc"}])
def test_a_request_without_a_signature_is_rejected(
    fake: FakeTwilio, headers: dict[str, str]
) -> None:
    params, _ = fake.inbound_request(WEBHOOK_URL, from_number="+447400123456", body="Yes")

    assert not twilio(fake).verify_request(WEBHOOK_URL, params, headers)


def test_the_default_port_may_be_added_or_dropped_by_a_proxy(fake: FakeTwilio) -> None:
    # Twilio's own helper libraries accept both forms; a load balancer may rewrite either way.
    with_port = WEBHOOK_URL.replace(".example/", ".example:443/")
    params, signed_without = fake.inbound_request(
        WEBHOOK_URL, from_number="+447400123456", body="Yes"
    )
    _, signed_with = fake.inbound_request(
        with_port, from_number="+447400123456", body="Yes", sid=params["MessageSid"]
    )

    assert twilio(fake).verify_request(with_port, params, signed_without)
    assert twilio(fake).verify_request(WEBHOOK_URL, params, signed_with)
    assert not twilio(fake).verify_request(with_port.replace("https", "http"), params, signed_with)


def test_the_console_provider_accepts_only_its_own_signature() -> None:
    provider = ConsoleProvider(path=None, secret="dev-secret", echo=False)
    params = {"MessageSid": "console-reply-1", "From": "+447400123456", "Body": "STOP"}
    signature = sign_console_request(WEBHOOK_URL, params, secret="dev-secret")

    assert provider.verify_request(WEBHOOK_URL, params, {"X-Groundswell-Signature": signature})
    assert not provider.verify_request(WEBHOOK_URL, params, {})
    assert not provider.verify_request(
        WEBHOOK_URL, {**params, "Body": "START"}, {"X-Groundswell-Signature": signature}
    )
    other = sign_console_request(WEBHOOK_URL, params, secret="guessed")
    assert not provider.verify_request(WEBHOOK_URL, params, {"X-Groundswell-Signature": other})
