"""Handing each texter the next person to text, one at a time, so two texters never get the same
person: candidates are read with SELECT ... FOR UPDATE SKIP LOCKED (PostgreSQL; SQLite runs one
writer at a time anyway) and taken with a conditional UPDATE. A claim lapses after CLAIM_MINUTES,
so a texter who walks away does not keep anyone from being texted.

The claim is also the send button's one-time token: it names the conversation and the moment the
claim runs out, and a send succeeds only while the conversation is still waiting under that claim.
"""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from django.core import signing
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from groundswell.outreach.actions import text_hot_path as hot_path
from groundswell.outreach.actions.text_rules import is_open_for, next_opening_for, render_for
from groundswell.outreach.models import Conversation, ConversationStatus, TextCampaign
from groundswell.people.models import Person

CLAIM_MINUTES = 5
MAX_SCANNED = 200  # people outside hours passed over before "Send next" gives up for now
_SALT = "outreach.text-claim"


@dataclass(frozen=True)
class Claim:
    """What "Send next" found: a conversation held for this texter with the text that will go, or
    why there is none."""

    conversation: Conversation | None
    outside_hours: int = 0  # waiting people skipped because it is too early or late for them
    opens_at: datetime | None = None  # the soonest of their openings (UTC)
    body: str = ""  # the opening text, filled in for this person: what the texter sees is what goes

    @property
    def token(self) -> str:
        if self.conversation is None:
            return ""
        return claim_token(self.conversation, self.body)


@dataclass(frozen=True)
class ClaimToken:
    """What a send button carries, signed: the conversation, the claim it was made under, the number
    and the text as the texter saw them."""

    pk: int
    until: str  # claimed_until as ISO text
    phone: str
    body: str


def claim_token(conversation: Conversation, body: str = "") -> str:
    """The send button's token; `body` defaults to the campaign's text for this person."""
    body = body or render_for(
        conversation.campaign.message,
        conversation.campaign,
        conversation.person,
        conversation.texter,
    )
    until = conversation.claimed_until.isoformat() if conversation.claimed_until else ""
    return signing.dumps([conversation.pk, until, conversation.phone, body], salt=_SALT)


def read_claim_token(token: str) -> ClaimToken | None:
    """The token's claim, or None for a token we did not make (or an old one)."""
    try:
        values = signing.loads(token, salt=_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(values, list) or len(values) != 4:
        return None
    pk, until, phone, body = values
    if not isinstance(pk, int) or not all(isinstance(v, str) for v in (until, phone, body)):
        return None
    return ClaimToken(pk, until, phone, body)


def _unclaimed(now: datetime) -> Q:
    return Q(claimed_until__isnull=True) | Q(claimed_until__lte=now)


# Where each texter has reached in each campaign, in this process: the next scan starts there rather than at
# the campaign's first conversation, so it does not walk past everyone already texted (PostgreSQL's planner
# reads the primary key from the start: 2.5 ms per click at 10,000 sent, growing). Lost on a restart, which
# costs one scan from the start.
_frontier: dict[tuple[int, int], int] = {}
FRONTIER_SIZE = 10_000


def claim_next(texter: Person, campaign: TextCampaign, *, now: datetime | None = None) -> Claim:
    """The conversation on this texter's screen: the one they already hold, else the next waiting
    person for whom it is texting hours now, claimed for CLAIM_MINUTES. People let go behind where
    the texter has reached (a claim ran out, a send could not go) come once none are left ahead."""
    now = now or timezone.now()
    key = (campaign.pk, texter.pk)
    start = _frontier.get(key, 0)
    claim = _claim_in_one_statement(texter, campaign, now, start) if hot_path.available() else None
    if claim is None:
        held = _held(texter, campaign, now)
        if held is not None:
            return Claim(held, body=render_for(campaign.message, campaign, held.person, texter))
        claim = _scan_row_by_row(texter, campaign, now, start)
        if claim.conversation is None and start:
            claim = _scan_row_by_row(texter, campaign, now, 0)
    if claim.conversation is None:
        return claim
    if len(_frontier) >= FRONTIER_SIZE:
        _frontier.clear()
    _frontier[key] = claim.conversation.pk
    body = render_for(campaign.message, campaign, claim.conversation.person, texter)
    return replace(claim, body=body)


def _claim_in_one_statement(
    texter: Person, campaign: TextCampaign, now: datetime, after: int
) -> Claim | None:
    """PostgreSQL, the usual case in one statement: the person held, or the next one taken, when it
    is texting hours for them. None otherwise (no one, or outside their hours, let go again), for
    the full path to sort out."""
    until = now + timedelta(minutes=CLAIM_MINUTES)
    conversation = hot_path.claim(texter.pk, campaign.pk, after, now, until)
    if conversation is None:
        return None
    if is_open_for(conversation.phone, campaign, now):
        return Claim(conversation)
    release(conversation)
    return None


def _scan_row_by_row(texter: Person, campaign: TextCampaign, now: datetime, after: int) -> Claim:
    skipped: list[datetime | None] = []
    with transaction.atomic():
        # One row at a time: a texter locks only the person they take (and any they skip as
        # outside hours), so texters pressing at the same moment each find a different one.
        while len(skipped) < MAX_SCANNED:
            row = list(_candidates(campaign, now, after)[:1])
            if not row:
                break
            after, phone = row[0]
            if not is_open_for(phone, campaign, now):
                skipped.append(next_opening_for(phone, campaign, now))
            elif _take(after, texter, now):
                return Claim(_load(after))
    openings = [when for when in skipped if when is not None]
    return Claim(None, len(skipped), min(openings) if openings else None)


def _held(texter: Person, campaign: TextCampaign, now: datetime) -> Conversation | None:
    held = (
        Conversation.objects.filter(
            campaign=campaign,
            texter=texter,
            status=ConversationStatus.WAITING,
            claimed_until__gt=now,
        )
        .select_related("person")
        .order_by("id")
        .first()
    )
    if held is None or is_open_for(held.phone, campaign, now):
        return held
    release(held)  # texting hours closed for them while it sat on the screen
    return None


def _candidates(
    campaign: TextCampaign, now: datetime, after: int
) -> "QuerySet[Conversation, tuple[int, str]]":
    return (
        Conversation.objects.filter(
            campaign=campaign,
            status=ConversationStatus.WAITING,
            person__sms_consent=True,
            pk__gt=after,
        )
        .filter(_unclaimed(now))
        .order_by("id")
        .select_for_update(skip_locked=True, of=("self",))
        .values_list("pk", "phone")
    )


def _take(pk: int, texter: Person, now: datetime) -> bool:
    taken = (
        Conversation.objects.filter(pk=pk, status=ConversationStatus.WAITING)
        .filter(_unclaimed(now))
        .update(texter=texter, claimed_until=now + timedelta(minutes=CLAIM_MINUTES))
    )
    return taken == 1


def _load(pk: int) -> Conversation:
    return Conversation.objects.select_related("person").get(pk=pk)


def release(conversation: Conversation) -> None:
    """Let someone else text this person (it stays waiting)."""
    Conversation.objects.filter(
        pk=conversation.pk,
        status=ConversationStatus.WAITING,
        claimed_until=conversation.claimed_until,
    ).update(claimed_until=None)
    conversation.claimed_until = None
