"""Handing one reserved text to the SMS provider and recording what came of it.

A text is reserved first (a TextMessage in status "sending", written and committed by the caller),
so a second click finds it and sends nothing; then the provider is called outside any transaction,
so a slow provider holds no database lock. Our own message id goes in the status callback URL: a
delivery report can then settle a text whose send timed out.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from groundswell.messaging.sms.errors import SmsRefused, SmsUnavailable
from groundswell.messaging.sms.messages import SentMessage
from groundswell.messaging.sms.provider import SmsProvider
from groundswell.messaging.sms.statuses import Status, supersedes
from groundswell.outreach.actions.text_optout import stop_texting
from groundswell.outreach.models import Conversation, ConversationStatus, TextMessage
from groundswell.people.models import PhoneNumber

SENDING = "sending"  # reserved: the provider has not answered yet
UNCONFIRMED = "unconfirmed"  # the provider never answered: it may or may not have gone
UNSUBSCRIBED_CODE = "21610"  # the number replied STOP to our sending number at the provider

Kind = Literal["sent", "already", "refused", "failed", "unavailable", "unconfirmed"]


@dataclass(frozen=True)
class SendOutcome:
    """What a texter's click did, with a sentence to tell them."""

    kind: Kind
    message: str
    conversation: Conversation | None = None

    @property
    def went(self) -> bool:
        return self.kind == "sent"


_STATUSES: dict[str, Status] = {
    "queued": "queued",
    "sent": "sent",
    "delivered": "delivered",
    "undelivered": "undelivered",
    "failed": "failed",
}


def known_status(stored: str) -> Status | None:
    """A stored status as a provider status, or None while it is not known ("sending",
    "unconfirmed"). Stored statuses are already normalised: "sending" here is ours, not Twilio's."""
    return _STATUSES.get(stored)


def status_callback_url(message: TextMessage) -> str:
    path = reverse("outreach:sms_status", args=[message.pk])
    return settings.SITE_URL.rstrip("/") + path


def deliver(
    provider: SmsProvider,
    message: TextMessage,
    opening: bool,
    accepted: Callable[[TextMessage, SentMessage], None] | None = None,
) -> SendOutcome:
    """Send a reserved text. `opening`: it is the conversation's first text, so a failure fails the
    conversation and "nothing sent" puts the person back in the queue. `accepted` records the
    provider's answer (default: record_acceptance)."""
    conversation = message.conversation
    name = conversation.person.given_name or "them"
    try:
        sent = provider.send(
            conversation.phone, message.body, status_callback=status_callback_url(message)
        )
    except SmsRefused as refusal:
        _refused(message, refusal, opening)
        return SendOutcome("failed", f"Not sent: {refusal.reason}", conversation)
    except SmsUnavailable as trouble:
        if trouble.maybe_sent:
            _mark(message, UNCONFIRMED, trouble.reason)
            return SendOutcome("unconfirmed", _unconfirmed_text(trouble.reason), conversation)
        _unreserve(message, opening)
        return SendOutcome("unavailable", f"{trouble.reason} Try again.", conversation)
    except Exception:
        _mark(message, UNCONFIRMED, "Sending failed unexpectedly: check before texting again.")
        raise
    (accepted or record_acceptance)(message, sent)
    return SendOutcome("sent", f"Sent to {name}.", conversation)


def _unconfirmed_text(reason: str) -> str:
    return f"{reason} It will not be offered again: its delivery report will say whether it went."


def record_acceptance(message: TextMessage, sent: SentMessage) -> None:
    # Nearly always nothing has come in meanwhile: one guarded UPDATE records it.
    if TextMessage.objects.filter(pk=message.pk, status=SENDING, provider_id=None).update(
        provider_id=sent.provider_id, status=sent.status
    ):
        message.provider_id, message.status = sent.provider_id, sent.status
        return
    with transaction.atomic():
        current = TextMessage.objects.select_for_update().get(pk=message.pk)
        # A status callback may already have come in (and set both) while the send was answered.
        current.provider_id = current.provider_id or sent.provider_id
        if supersedes(known_status(current.status), sent.status):
            current.status = sent.status
        current.save(update_fields=["provider_id", "status"])
    message.provider_id, message.status = current.provider_id, current.status


def _mark(message: TextMessage, status: str, error: str) -> None:
    TextMessage.objects.filter(pk=message.pk, status=SENDING).update(
        status=status, error=error[:300]
    )


def _unreserve(message: TextMessage, opening: bool) -> None:
    conversation = message.conversation
    with transaction.atomic():
        TextMessage.objects.filter(pk=message.pk).delete()
        if opening:
            # Back in the queue, still under the texter's claim so the same button tries again.
            Conversation.objects.filter(pk=conversation.pk).update(
                status=ConversationStatus.WAITING,
                claimed_until=conversation.claimed_until,
            )
        else:
            Conversation.objects.filter(pk=conversation.pk).update(needs_reply=True)


def _refused(message: TextMessage, refusal: SmsRefused, opening: bool) -> None:
    conversation = message.conversation
    with transaction.atomic():
        _mark(message, "failed", refusal.reason)
        if refusal.code == UNSUBSCRIBED_CODE:
            stop_texting(conversation.person, conversation.phone, "blocked our number by text")
            return
        if refusal.permanent:
            mark_unusable(conversation.phone)
        if opening:
            Conversation.objects.filter(pk=conversation.pk).update(status=ConversationStatus.FAILED)
        else:
            Conversation.objects.filter(pk=conversation.pk).update(needs_reply=True)


def mark_unusable(phone: str) -> None:
    """The provider says this number can never take texts (a landline, invalid, not SMS-capable)."""
    PhoneNumber.objects.filter(number=phone).update(sms_capable=False)
