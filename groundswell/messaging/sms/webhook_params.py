"""Reading Twilio-shaped webhook parameters (the console provider's dev webhooks use the same names).

Inbound message: MessageSid, From, To, Body. Status callback: MessageSid, MessageStatus, ErrorCode.
https://www.twilio.com/docs/messaging/guides/webhook-request
"""

import re
from collections.abc import Mapping
from datetime import datetime

from groundswell.messaging.sms.errors import SmsWebhookError
from groundswell.messaging.sms.messages import InboundMessage, StatusUpdate
from groundswell.messaging.sms.statuses import normalise_status
from groundswell.messaging.sms.twilio_errors import UNUSABLE_NUMBER_CODES

_E164 = re.compile(r"^\+[1-9]\d{6,14}$")


def parse_inbound_params(params: Mapping[str, str]) -> InboundMessage:
    """An inbound text from a webhook's POST parameters, or SmsWebhookError."""
    sender = _required(params, "From")
    if not _E164.match(sender):
        raise SmsWebhookError(f"From “{sender[:20]}” is not an E.164 number.")
    return InboundMessage(
        provider_id=_message_sid(params),
        from_number=sender,
        to_number=_required(params, "To"),
        body=params.get("Body", ""),
        received_at=_received_at(params.get("ReceivedAt", "")),
    )


def parse_status_params(params: Mapping[str, str]) -> StatusUpdate:
    """A delivery report from a status callback's POST parameters, or SmsWebhookError."""
    raw_status = params.get("MessageStatus") or params.get("SmsStatus") or ""
    try:
        status = normalise_status(raw_status)
    except ValueError as exc:
        raise SmsWebhookError(str(exc)) from exc
    code = params.get("ErrorCode", "").strip()
    return StatusUpdate(
        provider_id=_message_sid(params),
        status=status,
        error_code=code,
        error_message=params.get("ErrorMessage", ""),
        number_unusable=code in UNUSABLE_NUMBER_CODES,
    )


def _message_sid(params: Mapping[str, str]) -> str:
    # SmsSid/SmsMessageSid are Twilio's older names for the same id, still sent alongside.
    sid = params.get("MessageSid") or params.get("SmsMessageSid") or params.get("SmsSid")
    if not sid:
        raise SmsWebhookError("The webhook has no MessageSid.")
    return sid


def _required(params: Mapping[str, str], name: str) -> str:
    value = params.get(name, "").strip()
    if not value:
        raise SmsWebhookError(f"The webhook has no {name}.")
    return value


def _received_at(raw: str) -> datetime | None:
    # Twilio sends no time; the console provider's simulated replies may (ISO 8601 with offset).
    if not raw:
        return None
    try:
        when = datetime.fromisoformat(raw)
    except ValueError as exc:
        raise SmsWebhookError(f"ReceivedAt “{raw[:40]}” is not an ISO 8601 time.") from exc
    if when.tzinfo is None:
        raise SmsWebhookError("ReceivedAt must carry a UTC offset.")
    return when
