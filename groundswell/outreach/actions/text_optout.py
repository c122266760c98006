"""Stopping and restarting texts to a person: consent recorded at once, and every conversation
still open for them (in any campaign) stopped, so no texter can send them another message."""

from typing import Any

from django.db.models import Q

from groundswell.outreach.models import Conversation, ConversationStatus
from groundswell.people.actions.records import record_consent
from groundswell.people.models import ConsentChange, Person

# Every way of opting out by text ends so, which is how an opt-in keyword later knows the person had
# stopped texts by text (and not, say, on a form, which "YES" to a texter must never undo).
BY_TEXT = "by text"
_OPEN = (ConversationStatus.WAITING, ConversationStatus.SENT, ConversationStatus.REPLIED)


def stop_texting(person: Person, phone: str, method: str, actor: Any = None) -> int:
    """Withdraw SMS consent and stop this person's (and this number's) open conversations.
    Returns how many conversations were stopped."""
    record_consent(person, "sms", False, method, actor)
    return Conversation.objects.filter(Q(person=person) | Q(phone=phone), status__in=_OPEN).update(
        status=ConversationStatus.OPTED_OUT, needs_reply=False, claimed_until=None
    )


def opted_out_by_text(person: Person) -> bool:
    """Whether the person's latest SMS consent change is an opt-out they made by text."""
    latest = ConsentChange.objects.filter(person=person, channel="sms").first()
    return latest is not None and not latest.granted and latest.method.endswith(BY_TEXT)


def restart_texting(person: Person, keyword: str) -> bool:
    """Take an opt-in keyword (START, UNSTOP, YES) as consent again, but only from someone who
    had opted out by text; returns whether consent was restored."""
    if not opted_out_by_text(person):
        return False
    return record_consent(person, "sms", True, f"replied {keyword} {BY_TEXT}")
