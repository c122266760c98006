"""How a texting campaign is going, for its organisers: counts for the whole campaign and for each
texter, in a fixed number of queries whatever the campaign's size."""

from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Q

from groundswell.outreach.actions.text_delivery import SENDING, UNCONFIRMED
from groundswell.outreach.models import (
    Conversation,
    ConversationStatus,
    Direction,
    TextCampaign,
    TextMessage,
)
from groundswell.people.models import Person

S = ConversationStatus


@dataclass
class Counts:
    texted: int = 0  # people sent an opening text
    messages: int = 0  # every text sent, replies included
    delivered: int = 0
    failed: int = 0  # texts the provider refused or could not deliver
    unconfirmed: int = 0  # the provider never answered: may or may not have gone
    replied: int = 0  # people who replied
    needs_reply: int = 0
    opted_out: int = 0


@dataclass
class TexterRow:
    texter: Person | None
    counts: Counts


@dataclass
class Progress:
    total: int
    waiting: int
    not_textable: int  # conversations that failed before or at the first text
    counts: Counts
    texters: list[TexterRow] = field(default_factory=list)

    @property
    def done_percent(self) -> int:
        return round(100 * (self.total - self.waiting) / self.total) if self.total else 0


def _inbound() -> Exists:
    return Exists(TextMessage.objects.filter(conversation=OuterRef("pk"), direction=Direction.IN))


_CONVERSATION_COUNTS = {
    "replied": Count("pk", filter=Q(_inbound())),
    "needs_reply": Count("pk", filter=Q(needs_reply=True)),
    "opted_out": Count("pk", filter=Q(status=S.OPTED_OUT)),
}

_MESSAGE_COUNTS = {
    "messages": Count("pk"),
    "texted": Count("conversation", distinct=True),
    "delivered": Count("pk", filter=Q(status="delivered")),
    "failed": Count("pk", filter=Q(status__in=("failed", "undelivered"))),
    "unconfirmed": Count("pk", filter=Q(status__in=(UNCONFIRMED, SENDING))),
}


def campaign_progress(campaign: TextCampaign) -> Progress:
    conversations = Conversation.objects.filter(campaign=campaign).order_by()
    totals = conversations.aggregate(
        total=Count("pk"),
        waiting=Count("pk", filter=Q(status=S.WAITING)),
        not_textable=Count("pk", filter=Q(status=S.FAILED)),
        **_CONVERSATION_COUNTS,
    )
    sent = TextMessage.objects.filter(conversation__campaign=campaign, direction=Direction.OUT)
    counts = Counts(**sent.order_by().aggregate(**_MESSAGE_COUNTS))
    for name in _CONVERSATION_COUNTS:
        setattr(counts, name, totals[name])
    progress = Progress(totals["total"], totals["waiting"], totals["not_textable"], counts)
    progress.texters = _per_texter(campaign)
    return progress


def _per_texter(campaign: TextCampaign) -> list[TexterRow]:
    held = (
        Conversation.objects.filter(campaign=campaign)
        .exclude(status=S.WAITING)
        .values("texter_id")
        .annotate(**_CONVERSATION_COUNTS)
        .order_by()
    )
    sent = (
        TextMessage.objects.filter(conversation__campaign=campaign, direction=Direction.OUT)
        .values("sent_by_id")
        .annotate(**_MESSAGE_COUNTS)
        .order_by()
    )
    rows: dict[int | None, Counts] = {}
    for row in sent:
        sender = row.pop("sent_by_id")
        rows[sender] = Counts(**row)
    for row in held:
        counts = rows.setdefault(row.pop("texter_id"), Counts())
        for name, value in row.items():
            setattr(counts, name, value)
    people = Person.objects.in_bulk([pk for pk in rows if pk is not None])
    ordered = sorted(rows.items(), key=lambda item: -item[1].messages)
    return [TexterRow(people.get(pk) if pk else None, counts) for pk, counts in ordered]
