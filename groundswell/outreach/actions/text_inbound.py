"""What the provider's webhooks tell us: a text someone sent us (a reply, or STOP), and delivery
reports for texts we sent.

Twilio's signatures carry no timestamp, so a captured webhook could be posted again; replays change
nothing here. An inbound text is stored once per provider id (TextMessage.provider_id is unique),
and a delivery report only ever moves a status forward (statuses.supersedes).
"""

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from django.db import IntegrityError, transaction
from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from groundswell.messaging.sms.keywords import classify
from groundswell.messaging.sms.messages import InboundMessage, StatusUpdate
from groundswell.messaging.sms.statuses import supersedes
from groundswell.outreach.actions.text_delivery import (
    UNSUBSCRIBED_CODE,
    known_status,
    mark_unusable,
)
from groundswell.outreach.actions.text_optout import BY_TEXT, restart_texting, stop_texting
from groundswell.outreach.models import Conversation, ConversationStatus, Direction, TextMessage
from groundswell.people.models import Person, PhoneNumber

log = logging.getLogger(__name__)

InboundKind = Literal["stored", "replayed", "unknown"]


@dataclass(frozen=True)
class InboundResult:
    kind: InboundKind
    message: TextMessage | None = None


def receive_text(inbound: InboundMessage, *, now: datetime | None = None) -> InboundResult:
    """Store a text someone sent us in their latest conversation, and act on STOP at once."""
    now = now or timezone.now()
    with transaction.atomic():
        if TextMessage.objects.filter(provider_id=inbound.provider_id).exists():
            return InboundResult("replayed")
        conversation = _latest_conversation(inbound.from_number)
        if conversation is None:
            _from_a_stranger(inbound)
            return InboundResult("unknown")
        try:
            with transaction.atomic():
                message = TextMessage.objects.create(
                    conversation=conversation,
                    direction=Direction.IN,
                    body=inbound.body,
                    provider_id=inbound.provider_id,
                    status="received",
                    at=inbound.received_at or now,
                )
        except IntegrityError:
            return InboundResult("replayed")  # the same webhook, delivered twice at once
        _act_on(conversation, inbound)
    return InboundResult("stored", message)


def _latest_conversation(phone: str) -> Conversation | None:
    """The conversation we last texted this number in (replies go to the texter who sent it)."""
    last_out = TextMessage.objects.filter(
        conversation=OuterRef("pk"), direction=Direction.OUT
    ).order_by("-at", "-id")
    pk = (
        Conversation.objects.filter(phone=phone)
        .exclude(status=ConversationStatus.WAITING)
        .annotate(last_out=Subquery(last_out.values("at")[:1]))
        .order_by(F("last_out").desc(nulls_last=True), "-id")
        .values_list("pk", flat=True)
        .first()
    )
    if pk is None:
        return None
    return Conversation.objects.select_for_update().select_related("person").get(pk=pk)


def _act_on(conversation: Conversation, inbound: InboundMessage) -> None:
    said = classify(inbound.body)
    person = conversation.person
    if said.kind == "opt_out":
        stop_texting(person, conversation.phone, f"replied {said.keyword} {BY_TEXT}")
        # Even a conversation already closed: where they said STOP is where it shows.
        Conversation.objects.filter(pk=conversation.pk).update(
            status=ConversationStatus.OPTED_OUT, needs_reply=False
        )
        return
    restarted = said.kind == "opt_in" and restart_texting(person, said.keyword)
    if restarted or conversation.status != ConversationStatus.OPTED_OUT:
        conversation.status = ConversationStatus.REPLIED
    # Someone who has opted out can be read but not answered, so there is nothing to do.
    conversation.needs_reply = conversation.status != ConversationStatus.OPTED_OUT
    conversation.save(update_fields=["status", "needs_reply", "updated_at"])


def _from_a_stranger(inbound: InboundMessage) -> None:
    """A text from a number we never texted: kept nowhere (we have no conversation to put it in),
    but STOP is still honoured for anyone on record with that number."""
    said = classify(inbound.body)
    if said.kind == "opt_out":
        holders = Person.objects.filter(
            pk__in=PhoneNumber.objects.filter(number=inbound.from_number).values("person_id")
        )
        for person in holders:
            stop_texting(person, inbound.from_number, f"replied {said.keyword} {BY_TEXT}")
    # Log no number and no text: this log is not a place for personal data.
    log.info("Inbound text %s from a number with no conversation: not stored.", inbound.provider_id)


def apply_status(message_id: int, update: StatusUpdate) -> bool:
    """Record a delivery report for our message `message_id`; False if there is no such message.
    A report that is older than what we know (or replayed) changes nothing."""
    with transaction.atomic():
        message = (
            TextMessage.objects.select_for_update()
            .select_related("conversation__person")
            .filter(pk=message_id, direction=Direction.OUT)
            .first()
        )
        if message is None:
            return False
        if message.provider_id and message.provider_id != update.provider_id:
            log.warning("Status for message %s names another provider id: ignored.", message_id)
            return True
        # A send that timed out has no provider id yet: the report says it did go.
        message.provider_id = message.provider_id or update.provider_id
        if supersedes(known_status(message.status), update.status):
            message.status = update.status
            message.error = _error_text(update)
            if update.status in ("failed", "undelivered"):
                _undelivered(message, update)
        message.save(update_fields=["provider_id", "status", "error"])
    return True


def _error_text(update: StatusUpdate) -> str:
    if update.status not in ("failed", "undelivered"):
        return ""
    described = update.error_message or "no reason given"
    code = f" (error {update.error_code})" if update.error_code else ""
    return f"Not delivered: {described}{code}"[:300]


def _undelivered(message: TextMessage, update: StatusUpdate) -> None:
    conversation = message.conversation
    if update.error_code == UNSUBSCRIBED_CODE:
        stop_texting(conversation.person, conversation.phone, f"blocked our number {BY_TEXT}")
        return
    if update.number_unusable:
        mark_unusable(conversation.phone)
    first_out = conversation.messages.filter(direction=Direction.OUT).order_by("at", "id").first()
    if first_out and first_out.pk == message.pk and conversation.status == ConversationStatus.SENT:
        Conversation.objects.filter(pk=conversation.pk).update(status=ConversationStatus.FAILED)
