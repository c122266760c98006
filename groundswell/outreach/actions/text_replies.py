"""What happens in a conversation after the opening text: the texter's replies (only to people who
have not opted out), closing it, recording an opt-out the texter confirms, and an organiser handing
it to another texter."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from groundswell.core.access import acting_person_id
from groundswell.messaging.sms.provider import get_provider
from groundswell.outreach.actions.text_delivery import SENDING, SendOutcome, deliver
from groundswell.outreach.actions.text_optout import BY_TEXT, stop_texting
from groundswell.outreach.actions.text_rules import TextingRefused, hours_refusal
from groundswell.outreach.actions.texting import MAX_MESSAGE
from groundswell.outreach.models import (
    CampaignStatus,
    Conversation,
    ConversationStatus,
    Direction,
    TextMessage,
)
from groundswell.people.models import Person, PhoneNumber

# Within this long of their last message a reply is part of a live exchange, so texting hours do
# not apply: someone who texts at 21:30 may be answered at 21:35.
LIVE_EXCHANGE = timedelta(hours=1)
_CANNOT_REPLY = (
    ConversationStatus.WAITING,
    ConversationStatus.OPTED_OUT,
    ConversationStatus.FAILED,
)


def _holder(user: Any, conversation: Conversation) -> Person:
    person_id = acting_person_id(user)
    if person_id is None or conversation.texter_id != person_id:
        raise TextingRefused("Only the texter holding this conversation can reply.")
    texter = conversation.campaign.texters.filter(pk=person_id).first()
    if texter is None:
        raise TextingRefused("You are no longer a texter on this campaign.")
    return texter


def send_reply(
    user: Any, conversation: Conversation, body: str, after_id: int, *, now: datetime | None = None
) -> SendOutcome:
    """Send `body` in the conversation. `after_id` is the last message the texter saw: if anything
    has been sent or received since (a second click, a new reply), nothing is sent."""
    now = now or timezone.now()
    texter = _holder(user, conversation)
    body = body.strip()
    if not body:
        raise TextingRefused("Write a reply first.")
    if len(body) > MAX_MESSAGE:
        raise TextingRefused(f"A text can be at most {MAX_MESSAGE:,} characters.")
    if conversation.campaign.status == CampaignStatus.CLOSED:
        raise TextingRefused("This campaign is closed: no more texts can go from it.")
    provider = get_provider()
    reserved = _reserve_reply(conversation.pk, texter, body, after_id, now)
    if isinstance(reserved, SendOutcome):
        return reserved
    return deliver(provider, reserved, opening=False)


def _reserve_reply(
    pk: int, texter: Person, body: str, after_id: int, now: datetime
) -> TextMessage | SendOutcome:
    with transaction.atomic():
        conversation = (
            Conversation.objects.select_for_update().select_related("person", "campaign").get(pk=pk)
        )
        refusal = _why_not_reply(conversation, after_id, now)
        if refusal:
            return SendOutcome("refused", refusal, conversation)
        Conversation.objects.filter(pk=pk).update(needs_reply=False)
        return TextMessage.objects.create(
            conversation=conversation,
            direction=Direction.OUT,
            body=body,
            sent_by=texter,
            status=SENDING,
            at=now,
        )


def _why_not_reply(conversation: Conversation, after_id: int, now: datetime) -> str:
    name = conversation.person.given_name or "This person"
    if not conversation.person.sms_consent or conversation.status in _CANNOT_REPLY:
        if conversation.status == ConversationStatus.FAILED:
            return f"{name} could not be texted, so there is no one to reply to."
        return f"{name} has opted out of texts: nothing was sent, and nothing more can be."
    usable = PhoneNumber.objects.filter(
        person_id=conversation.person_id, number=conversation.phone, sms_capable=True
    )
    if not usable.exists():
        return f"{name}'s number can no longer take texts: nothing was sent."
    latest = conversation.messages.order_by("-pk").values_list("pk", flat=True).first()
    if latest != after_id:
        return "Something was sent or received since you opened this: read it, then reply again. Nothing was sent."  # fmt: skip
    last_in = conversation.messages.filter(direction=Direction.IN).order_by("-at").first()
    if last_in is None or now - last_in.at > LIVE_EXCHANGE:
        return hours_refusal(conversation.phone, conversation.campaign, now)
    return ""


def close_conversation(conversation: Conversation) -> None:
    """Nothing more to say: off the texter's list of replies to answer."""
    if conversation.status in (ConversationStatus.WAITING, ConversationStatus.OPTED_OUT):
        raise TextingRefused("Only a conversation that has been texted can be closed.")
    Conversation.objects.filter(pk=conversation.pk).update(
        status=ConversationStatus.CLOSED, needs_reply=False
    )
    conversation.status, conversation.needs_reply = ConversationStatus.CLOSED, False


def record_opt_out(user: Any, conversation: Conversation) -> int:
    """The texter confirms a message asked to stop ("please stop texting me"): stop for good."""
    with transaction.atomic():
        stopped = stop_texting(
            conversation.person, conversation.phone, f"asked to stop {BY_TEXT}", user
        )
    conversation.status, conversation.needs_reply = ConversationStatus.OPTED_OUT, False
    return stopped


def reassign_conversation(conversation: Conversation, texter_id: int) -> Person:
    """Hand the conversation (and its replies) to another texter on the campaign."""
    texter = conversation.campaign.texters.filter(pk=texter_id).first()
    if texter is None:
        raise TextingRefused("Choose one of this campaign's texters.")
    if conversation.status == ConversationStatus.WAITING:
        raise TextingRefused("Nobody has texted this person yet: it goes to whoever is next.")
    Conversation.objects.filter(pk=conversation.pk).update(texter=texter, claimed_until=None)
    conversation.texter = texter
    return texter
