"""The one small interface every SMS provider implements, the values it returns, and the
configured provider (`get_provider()`), chosen by settings.SMS_PROVIDER ("console" or "twilio").

Sends are plain synchronous calls (a texter's click), so providers keep network timeouts short.
"""

import functools
from collections.abc import Mapping
from typing import Any, Protocol

from django.core.signals import setting_changed

from groundswell.messaging.sms.errors import (
    SmsError,
    SmsRefused,
    SmsUnavailable,
    SmsWebhookError,
)
from groundswell.messaging.sms.messages import InboundMessage, SentMessage, StatusUpdate

__all__ = [
    "InboundMessage",
    "SentMessage",
    "SmsError",
    "SmsProvider",
    "SmsRefused",
    "SmsUnavailable",
    "SmsWebhookError",
    "StatusUpdate",
    "get_provider",
]


class SmsProvider(Protocol):
    """Send texts and read the provider's webhooks. Every method but `send` is pure."""

    def send(self, to: str, body: str, *, status_callback: str | None = None) -> SentMessage:
        """Send `body` to `to` (E.164). Raises SmsRefused or SmsUnavailable."""
        ...

    def verify_request(
        self, url: str, params: Mapping[str, str], headers: Mapping[str, str]
    ) -> bool:
        """Whether a webhook request was signed by the provider. `url` is the full URL the
        provider called (scheme, host, path and query, as configured at the provider)."""
        ...

    def parse_inbound(self, params: Mapping[str, str]) -> InboundMessage:
        """An inbound-message webhook's parameters, or SmsWebhookError."""
        ...

    def parse_status(self, params: Mapping[str, str]) -> StatusUpdate:
        """A status-callback webhook's parameters, or SmsWebhookError."""
        ...


@functools.cache
def get_provider() -> SmsProvider:
    """The provider named by settings.SMS_PROVIDER, built once per process.

    The cache is emptied when a test overrides any SMS_ setting (see `_forget_provider`).
    """
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    name = settings.SMS_PROVIDER
    if name == "console":
        return _console_provider(settings)
    if name == "twilio":
        return _twilio_provider(settings)
    raise ImproperlyConfigured(f"SMS_PROVIDER must be “console” or “twilio”, not “{name}”.")


def _console_provider(settings: Any) -> SmsProvider:
    from groundswell.messaging.sms.console import ConsoleProvider

    return ConsoleProvider(
        path=settings.SMS_FILE_PATH,
        secret=settings.SMS_CONSOLE_SECRET,
        from_number=settings.SMS_FROM_NUMBER,
        echo=settings.SMS_CONSOLE_ECHO,
    )


def _twilio_provider(settings: Any) -> SmsProvider:
    from django.core.exceptions import ImproperlyConfigured

    from groundswell.messaging.sms.twilio import TwilioProvider

    missing = [
        name
        for name in ("SMS_TWILIO_ACCOUNT_SID", "SMS_TWILIO_AUTH_TOKEN")
        if not getattr(settings, name)
    ]
    if not (settings.SMS_FROM_NUMBER or settings.SMS_TWILIO_MESSAGING_SERVICE_SID):
        missing.append("SMS_FROM_NUMBER or SMS_TWILIO_MESSAGING_SERVICE_SID")
    if missing:
        raise ImproperlyConfigured(f"SMS_PROVIDER is twilio but {', '.join(missing)} unset.")
    return TwilioProvider(
        account_sid=settings.SMS_TWILIO_ACCOUNT_SID,
        auth_token=settings.SMS_TWILIO_AUTH_TOKEN,
        from_number=settings.SMS_FROM_NUMBER,
        messaging_service_sid=settings.SMS_TWILIO_MESSAGING_SERVICE_SID,
        api_base=settings.SMS_TWILIO_API_BASE,
        timeout=settings.SMS_TIMEOUT_SECONDS,
    )


def _forget_provider(*, setting: str, **kwargs: object) -> None:
    # override_settings(SMS_PROVIDER=...) in a test must not get the provider cached before it.
    if setting.startswith("SMS_"):
        get_provider.cache_clear()


setting_changed.connect(_forget_provider, dispatch_uid="groundswell.sms.forget_provider")
