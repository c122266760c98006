"""The configured provider comes from settings, and a test's override of them takes effect."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from groundswell.messaging.sms.console import ConsoleProvider
from groundswell.messaging.sms.provider import get_provider
from groundswell.messaging.sms.twilio import TwilioProvider
from groundswell.messaging.tests.fake_twilio import FakeTwilio


def test_the_default_is_the_console_provider(tmp_path: Path) -> None:
    with override_settings(SMS_PROVIDER="console", SMS_FILE_PATH=tmp_path / "sms.log"):
        provider = get_provider()
        assert isinstance(provider, ConsoleProvider)
        assert get_provider() is provider  # built once


def test_twilio_settings_build_a_twilio_provider_that_sends() -> None:
    with (
        FakeTwilio() as fake,
        override_settings(
            SMS_PROVIDER="twilio",
            SMS_TWILIO_ACCOUNT_SID=fake.account_sid,
            SMS_TWILIO_AUTH_TOKEN=fake.auth_token,
            SMS_FROM_NUMBER="+447400000001",
            SMS_TWILIO_API_BASE=fake.url,
        ),
    ):
        provider = get_provider()
        sent = provider.send("+447400123456", "Hello")

    assert isinstance(provider, TwilioProvider)
    assert fake.message(sent.provider_id).body == "Hello"


def test_twilio_without_credentials_is_a_configuration_error() -> None:
    with (
        override_settings(SMS_PROVIDER="twilio", SMS_TWILIO_ACCOUNT_SID="", SMS_FROM_NUMBER=""),
        pytest.raises(ImproperlyConfigured, match="SMS_TWILIO_ACCOUNT_SID"),
    ):
        get_provider()


def test_an_unknown_provider_name_is_a_configuration_error() -> None:
    with override_settings(SMS_PROVIDER="carrier-pigeon"), pytest.raises(ImproperlyConfigured):
        get_provider()
