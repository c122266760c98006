"""What can go wrong when sending a text or reading a provider's webhook.

Callers must tell "this recipient will not get this text" (SmsRefused) from "the provider could not
be reached or is misconfigured, try again later" (SmsUnavailable).
"""


class SmsError(Exception):
    """Base of every SMS failure; `reason` is fit to show an organiser, `code` is the provider's."""

    def __init__(self, reason: str, code: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.code = code


class SmsRefused(SmsError):
    """The provider refused this message for this recipient.

    `permanent` is True when the number itself will never take texts from us (invalid, landline,
    not SMS-capable, unsubscribed at the provider): stop texting it. False when it is refused for
    now or for a reason outside the number (region not enabled, unreachable today): do not retry
    automatically, but do not condemn the number either.
    """

    def __init__(self, reason: str, code: str = "", *, permanent: bool) -> None:
        super().__init__(reason, code)
        self.permanent = permanent


class SmsUnavailable(SmsError):
    """The provider could not take the message: network error, timeout, 5xx, throttling, or
    rejected credentials. The same send may succeed later.

    `maybe_sent` is True when the request reached the provider but no answer came back (a read
    timeout or a dropped connection): the text may have gone out, so do not resend it blindly —
    wait for its status callback (put your own message id in the callback URL to match it).
    """

    def __init__(self, reason: str, code: str = "", *, maybe_sent: bool = False) -> None:
        super().__init__(reason, code)
        self.maybe_sent = maybe_sent


class SmsWebhookError(ValueError):
    """A webhook's parameters are missing or malformed (answer 400, do not retry processing)."""
