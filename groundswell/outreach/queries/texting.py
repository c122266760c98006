"""Reads of texting campaigns and conversations that users trigger, scoped to who may see them.

- Organisers (national roles, or organisers of a campaign's group) manage a campaign: they see all
  its conversations.
- A texter sees the campaigns they text for, and only the conversations they hold.
Anything else answers 404, the same as an id that does not exist.
"""

from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet, Subquery
from django.http import Http404

from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.outreach.models import (
    Conversation,
    ConversationStatus,
    Direction,
    TextCampaign,
    TextMessage,
)


def campaigns_managed_by(user: Any) -> QuerySet[TextCampaign]:
    """Campaigns this user may set up and watch: all for national roles, else their groups'."""
    if sees_everyone(user):
        return TextCampaign.objects.all()
    if not user.is_authenticated:
        return TextCampaign.objects.none()
    return TextCampaign.objects.filter(group_id__in=organised_group_ids(user))


def get_campaign_for_organiser(user: Any, pk: int) -> TextCampaign:
    found = campaigns_managed_by(user).select_related("audience", "group").filter(pk=pk).first()
    if found is None:
        raise Http404("No such texting campaign.")
    return found


def campaigns_texted_by(user: Any) -> QuerySet[TextCampaign]:
    """Campaigns this user is a texter on (through the person record they act as)."""
    person_id = acting_person_id(user)
    if person_id is None:
        return TextCampaign.objects.none()
    return TextCampaign.objects.filter(texters=person_id)


def get_campaign_for_texter(user: Any, pk: int) -> TextCampaign:
    found = campaigns_texted_by(user).select_related("group").filter(pk=pk).first()
    if found is None:
        raise Http404("No such texting campaign.")
    return found


def can_manage_campaign(user: Any, campaign: TextCampaign) -> bool:
    return campaigns_managed_by(user).filter(pk=campaign.pk).exists()


def conversations_held_by(user: Any) -> QuerySet[Conversation]:
    """Conversations this user holds as texter, on campaigns they still text for."""
    person_id = acting_person_id(user)
    if person_id is None:
        return Conversation.objects.none()
    return Conversation.objects.filter(texter_id=person_id, campaign__in=campaigns_texted_by(user))


def get_conversation_for_user(user: Any, pk: int) -> tuple[Conversation, bool]:
    """(the conversation, whether the user sees it as an organiser) or 404.

    The texter who holds it sees it as a texter even if they also organise the campaign: their own
    texting screens need no second factor. Anyone else must manage the campaign."""
    related = Conversation.objects.select_related("campaign__group", "person", "texter")
    held = related.filter(pk=pk, pk__in=conversations_held_by(user).values("pk")).first()
    if held is not None:
        return held, False
    managed = related.filter(pk=pk, campaign__in=campaigns_managed_by(user)).first()
    if managed is None:
        raise Http404("No such conversation.")
    return managed, True


def with_last_message(conversations: QuerySet[Conversation]) -> QuerySet[Conversation]:
    """Annotate each with its last message's time and text, and whether it has any reply."""
    last = TextMessage.objects.filter(conversation=OuterRef("pk")).order_by("-at", "-id")
    replies = TextMessage.objects.filter(conversation=OuterRef("pk"), direction=Direction.IN)
    return conversations.annotate(
        last_at=Subquery(last.values("at")[:1]),
        last_body=Subquery(last.values("body")[:1]),
        has_reply=Exists(replies),
    )


def inbox_for(user: Any, campaign_id: int | None = None) -> QuerySet[Conversation]:
    """The texter's conversations that have replies: needing a reply first, then newest first."""
    held = conversations_held_by(user)
    if campaign_id is not None:
        held = held.filter(campaign_id=campaign_id)
    return _listing(held.filter(Exists(_inbound())))


def campaign_conversations(
    campaign: TextCampaign, *, texter_id: int | None = None, status: str = ""
) -> QuerySet[Conversation]:
    """A campaign's conversations once texted, for its organisers, needing a reply first."""
    found = campaign.conversations.exclude(status=ConversationStatus.WAITING)
    if texter_id is not None:
        found = found.filter(texter_id=texter_id)
    if status == "needs_reply":
        found = found.filter(needs_reply=True)
    elif status:
        found = found.filter(status=status)
    return _listing(found)


def _inbound() -> QuerySet[TextMessage]:
    return TextMessage.objects.filter(conversation=OuterRef("pk"), direction=Direction.IN)


def _listing(found: QuerySet[Conversation]) -> QuerySet[Conversation]:
    return (
        with_last_message(found.select_related("person", "texter", "campaign"))
        .order_by("-needs_reply", F("last_at").desc(nulls_last=True), "-id")
        .defer("person__custom_fields", "person__address_lines")
    )


def thread(conversation: Conversation) -> list[TextMessage]:
    return list(conversation.messages.select_related("sent_by").order_by("at", "id"))
