"""Sending a campaign's opening text: one texter's click sends exactly one message to the person
on their screen, after checking again that it may go now (consent, the number, texting hours in
the recipient's own zone, the campaign still texting, the texter still on it)."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from groundswell.core.access import acting_person_id
from groundswell.messaging.sms.messages import SentMessage
from groundswell.messaging.sms.provider import SmsProvider, get_provider
from groundswell.outreach.actions import text_hot_path as hot_path
from groundswell.outreach.actions.text_claims import ClaimToken, read_claim_token
from groundswell.outreach.actions.text_delivery import (
    SENDING,
    SendOutcome,
    deliver,
    record_acceptance,
)
from groundswell.outreach.actions.text_rules import (
    TextingRefused,
    hours_refusal,
    is_open_for,
)
from groundswell.outreach.models import (
    CampaignStatus,
    Conversation,
    ConversationStatus,
    Direction,
    TextCampaign,
    TextMessage,
)
from groundswell.people.models import HistoryEvent, Person, PhoneNumber


def texter_for(user: Any, campaign: TextCampaign) -> Person:
    """The person this user texts as on this campaign, or TextingRefused."""
    person_id = acting_person_id(user)
    person = campaign.texters.filter(pk=person_id).first() if person_id else None
    if person is None:
        raise TextingRefused("You are not a texter on this campaign.")
    return person


def send_opening_text(
    user: Any,
    campaign: TextCampaign,
    token: str,
    *,
    now: datetime | None = None,
    provider: SmsProvider | None = None,
) -> SendOutcome:
    """Send the opening text of the conversation the claim `token` names (one send per claim),
    through `provider` (default: the configured one)."""
    now = now or timezone.now()
    claim = read_claim_token(token)
    if claim is None:
        texter_for(user, campaign)  # not a texter at all: say that first
        raise TextingRefused("That send button is out of date: here is who is next.")
    provider = (
        provider or get_provider()
    )  # misconfiguration fails here, before anything is reserved
    quick = _reserve_in_one_statement(user, campaign, claim, now) if hot_path.available() else None
    fast = quick is not None
    reserved = quick or _reserve(campaign, texter_for(user, campaign), claim, now)
    if isinstance(reserved, SendOutcome):
        return reserved
    texted = _texted(user, reserved, campaign)
    accepted = _accepted_and_remembered(texted) if fast else None
    outcome = deliver(provider, reserved, opening=True, accepted=accepted)
    if outcome.kind == "unconfirmed" or (outcome.kind == "sent" and not fast):
        texted.save()
    return outcome


def _reserve_in_one_statement(
    user: Any, campaign: TextCampaign, claim: ClaimToken, now: datetime
) -> TextMessage | None:
    """PostgreSQL, when all is as it should be: one guarded statement reserves the text. None
    whenever anything is off, so the ORM path (_reserve) can find out what and say so."""
    texter_id = acting_person_id(user)
    if texter_id is None or not claim.until or not is_open_for(claim.phone, campaign, now):
        return None
    until = datetime.fromisoformat(claim.until)
    return hot_path.reserve(claim.pk, campaign.pk, texter_id, until, claim.phone, claim.body, now)


def _accepted_and_remembered(texted: HistoryEvent) -> Callable[[TextMessage, SentMessage], None]:
    def record(message: TextMessage, sent: SentMessage) -> None:
        if not hot_path.accept_and_remember(message, sent.provider_id, sent.status, texted):
            record_acceptance(message, sent)  # a status callback came in first

    return record


def _reserve(
    campaign: TextCampaign, texter: Person, claim: ClaimToken, now: datetime
) -> TextMessage | SendOutcome:
    with transaction.atomic():
        # What the checks need, read with the row lock in one statement.
        usable = PhoneNumber.objects.filter(
            person_id=OuterRef("person_id"), number=OuterRef("phone"), sms_capable=True
        )
        active = TextCampaign.objects.filter(pk=campaign.pk, status=CampaignStatus.ACTIVE)
        conversation = (
            Conversation.objects.select_for_update(of=("self",))
            .select_related("person")
            .annotate(number_usable=Exists(usable), campaign_active=Exists(active))
            .filter(pk=claim.pk, campaign=campaign)
            .first()
        )
        if conversation is None:
            raise TextingRefused("That person is not in this campaign.")
        refusal = _why_not(conversation, campaign, texter, claim.until, now)
        if refusal is not None:
            return refusal
        Conversation.objects.filter(pk=conversation.pk).update(
            status=ConversationStatus.SENT, claimed_until=None, needs_reply=False
        )
        conversation.status = ConversationStatus.SENT  # claimed_until kept for a retry
        return TextMessage.objects.create(
            conversation=conversation,
            direction=Direction.OUT,
            body=claim.body,  # the text as the texter saw it
            sent_by=texter,
            status=SENDING,
            at=now,
        )


def _why_not(
    conversation: Conversation, campaign: TextCampaign, texter: Person, until: str, now: datetime
) -> SendOutcome | None:
    """A refusal when this text must not go now; it may also settle the conversation for good."""
    name = conversation.person.given_name or "This person"
    if conversation.status != ConversationStatus.WAITING:
        return SendOutcome("already", f"{name} has already been texted: nothing more was sent.")
    if not conversation.campaign_active:  # type: ignore[attr-defined]
        return SendOutcome("refused", "This campaign is not texting now: nothing was sent.")
    claimed = conversation.claimed_until.isoformat() if conversation.claimed_until else ""
    if conversation.texter_id != texter.pk or claimed != until:
        return SendOutcome("refused", "Your turn with this person ran out and someone else has them now: nothing was sent.")  # fmt: skip
    if not conversation.person.sms_consent:
        _settle(conversation, ConversationStatus.OPTED_OUT)
        return SendOutcome("refused", f"{name} no longer agrees to texts: nothing was sent.")
    if not conversation.number_usable:  # type: ignore[attr-defined]
        _settle(conversation, ConversationStatus.FAILED)
        return SendOutcome("refused", f"{name}'s number can no longer take texts: nothing was sent.")  # fmt: skip
    hours = hours_refusal(conversation.phone, campaign, now)
    if hours:
        # Let them go back in the queue: whoever texts them once it is daytime for them.
        Conversation.objects.filter(pk=conversation.pk).update(claimed_until=None)
        return SendOutcome("refused", hours, conversation)
    return None


def _settle(conversation: Conversation, status: str) -> None:
    Conversation.objects.filter(pk=conversation.pk).update(status=status, claimed_until=None)


def _texted(user: Any, message: TextMessage, campaign: TextCampaign) -> HistoryEvent:
    """The entry for the person's history (written once the text has gone, or may have)."""
    texter = message.sent_by
    name = texter.full_name if texter else ""
    return HistoryEvent(
        person=message.conversation.person,
        kind="texted",
        summary=f"Texted by {name or 'a texter'} for “{campaign.name}”"[:300],
        actor=user if getattr(user, "pk", None) else None,
        at=message.at,
        data={"campaign": campaign.pk, "message": message.pk},
    )
