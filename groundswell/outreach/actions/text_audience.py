"""Turning a texting campaign's audience into conversations: one per person who agreed to texts
and has a number that can take them, added in chunks so a large audience never sits in memory."""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.db import transaction

from groundswell.core.db import refresh_statistics
from groundswell.messaging.sms.numbers import NotTextable, textable
from groundswell.outreach.models import Conversation, ConversationStatus, TextCampaign
from groundswell.people.models import PhoneNumber
from groundswell.searches.queries import audience

CHUNK = 2000
NumberRow = tuple[str, str, bool, bool]  # number, number_type, primary, sms_capable


@dataclass
class AudienceCounts:
    """What happened to each person in the audience when conversations were added."""

    textable: int = 0  # have a conversation (added now or before)
    added: int = 0
    no_consent: int = 0
    no_mobile: int = 0
    landline_only: int = 0
    shared_number: int = 0  # their mobile is already texted in this campaign for someone else
    stopped: int = 0  # waiting conversations stopped because consent was withdrawn since

    def summary(self) -> str:
        parts = [f"{_people(self.textable)} can be texted"]
        if self.added and self.added != self.textable:
            parts[0] += f" ({self.added} new)"
        for count, said in (
            (self.no_mobile, "no mobile"),
            (self.landline_only, "a landline only"),
            (self.no_consent, "not agreed to texts"),
            (self.shared_number, "a mobile shared with someone already texted"),
        ):
            if count:
                parts.append(f"{count} {'has' if count == 1 else 'have'} {said}")
        if self.stopped:
            parts.append(f"{self.stopped} waiting stopped (consent withdrawn)")
        return "; ".join(parts) + "."


def _people(count: int) -> str:
    return f"{count} {'person' if count == 1 else 'people'}"


def add_conversations(campaign: TextCampaign) -> AudienceCounts:
    """Add a waiting conversation for each newcomer to the audience; safe to run again."""
    counts = AudienceCounts(stopped=_stop_withdrawn(campaign))
    people = audience(campaign.audience)
    counts.no_consent = people.filter(sms_consent=False).count()
    ids = people.filter(sms_consent=True).order_by("pk").values_list("pk", flat=True)
    held = dict(campaign.conversations.values_list("person_id", "phone"))
    phones_in_use = set(held.values())
    for chunk in _chunks(ids.iterator(chunk_size=CHUNK), CHUNK):
        new = _sort_chunk(campaign, chunk, held, phones_in_use, counts)
        with transaction.atomic():
            Conversation.objects.bulk_create(new, ignore_conflicts=True)
        counts.added += len(new)
    refresh_statistics(Conversation, counts.added)
    return counts


def _stop_withdrawn(campaign: TextCampaign) -> int:
    # Consent withdrawn by another route (an email link, the person page) since they were added.
    return campaign.conversations.filter(
        status=ConversationStatus.WAITING, person__sms_consent=False
    ).update(status=ConversationStatus.OPTED_OUT, claimed_until=None)


def _sort_chunk(
    campaign: TextCampaign,
    person_ids: list[int],
    held: dict[int, str],
    phones_in_use: set[str],
    counts: AudienceCounts,
) -> list[Conversation]:
    numbers = _numbers_of([pk for pk in person_ids if pk not in held])
    new = []
    for person_id in person_ids:
        if person_id in held:
            counts.textable += 1
            continue
        phone, reason = choose_number(numbers.get(person_id, []))
        if phone and phone in phones_in_use:
            counts.shared_number += 1
        elif phone:
            phones_in_use.add(phone)
            counts.textable += 1
            new.append(Conversation(campaign=campaign, person_id=person_id, phone=phone))
        elif reason == "landline":
            counts.landline_only += 1
        else:
            counts.no_mobile += 1
    return new


def _numbers_of(person_ids: list[int]) -> dict[int, list[NumberRow]]:
    found: dict[int, list[NumberRow]] = {}
    rows = PhoneNumber.objects.filter(person_id__in=person_ids).values_list(
        "person_id", "number", "number_type", "primary", "sms_capable"
    )
    for person_id, number, kind, primary, sms_capable in rows.order_by(
        "person_id", "-primary", "number"
    ):
        found.setdefault(person_id, []).append((number, kind, primary, sms_capable))
    return found


def choose_number(rows: Iterable[NumberRow]) -> tuple[str | None, str]:
    """(E.164 number to text, "") — primary mobile first — or (None, "landline" | "no_mobile")."""
    ordered = sorted(rows, key=lambda row: (not row[2], row[1] != PhoneNumber.Kind.MOBILE))
    for number, _kind, _primary, sms_capable in ordered:
        if not sms_capable:
            continue  # marked after the provider refused it, or never a mobile
        try:
            return textable(number, settings.SMS_DEFAULT_REGION), ""
        except NotTextable:
            continue
    landline = any(row[1] == PhoneNumber.Kind.LANDLINE for row in ordered)
    return None, "landline" if landline else "no_mobile"


def _chunks(items: Iterator[int], size: int) -> Iterator[list[int]]:
    while chunk := list(islice(items, size)):
        yield chunk
