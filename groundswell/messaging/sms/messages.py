"""The values SMS providers hand back: a sent message, an inbound text, a delivery report."""

from dataclasses import dataclass
from datetime import datetime

from groundswell.messaging.sms.statuses import Status


@dataclass(frozen=True)
class SentMessage:
    """What the provider said when it accepted a message."""

    provider_id: str  # Twilio's "SM…" sid, or "console-<uuid>"
    status: Status
    segments: int


@dataclass(frozen=True)
class InboundMessage:
    """A text someone sent to one of our numbers."""

    provider_id: str
    from_number: str  # E.164
    to_number: str
    body: str
    received_at: datetime | None  # None when the provider does not say (Twilio does not)


@dataclass(frozen=True)
class StatusUpdate:
    """A delivery report for a message we sent."""

    provider_id: str
    status: Status
    error_code: str  # "" when none
    error_message: str
    number_unusable: bool  # the error says this number will never take texts (landline, unknown…)
