"""Everything the person page shows about one person, read within what the viewing user may see."""

from dataclasses import dataclass, field
from typing import Any

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.groups.models import Membership
from groundswell.people.custom_values import display_custom_value
from groundswell.people.models import (
    Channel,
    ConsentChange,
    CustomField,
    EmailAddress,
    HistoryEvent,
    Note,
    Person,
    PhoneNumber,
    Tag,
)
from groundswell.people.queries import get_person_for_user

HISTORY_SHOWN = 100


@dataclass
class ChannelConsent:
    label: str
    value: str
    granted: bool
    changes: list[ConsentChange] = field(default_factory=list)


@dataclass
class PersonPage:
    person: Person
    emails: list[EmailAddress]
    phones: list[PhoneNumber]
    tags: list[Tag]
    consent: list[ChannelConsent]
    notes: list[Note]
    history: list[HistoryEvent]
    memberships: list[Membership]
    other_groups: int
    custom_values: list[tuple[CustomField, str]]
    has_account: bool


def person_page(user: Any, person_id: int) -> PersonPage:
    """The person page for `person_id`, or Http404 when the user may not see them."""
    person = get_person_for_user(user, person_id)
    memberships, others = _memberships(user, person)
    return PersonPage(
        person=person,
        emails=list(person.emails.all()),
        phones=list(person.phones.all()),
        tags=list(person.tags.all()),
        consent=_consent(person),
        notes=list(person.notes.select_related("author")),
        history=list(person.history.select_related("actor")[:HISTORY_SHOWN]),
        memberships=memberships,
        other_groups=others,
        custom_values=custom_values(person),
        has_account=hasattr(person, "user"),
    )


def _memberships(user: Any, person: Person) -> tuple[list[Membership], int]:
    """An organiser sees the person's place in the groups they organise, and only a count of the rest."""
    every = person.memberships.select_related("group").order_by("group__name")
    if sees_everyone(user):
        return list(every), 0
    mine = list(every.filter(group_id__in=organised_group_ids(user)))
    return mine, person.memberships.count() - len(mine)


def _consent(person: Person) -> list[ChannelConsent]:
    flags = {
        Channel.EMAIL: person.email_consent,
        Channel.SMS: person.sms_consent,
        Channel.PHONE: person.phone_consent,
    }
    rows = {
        channel: ChannelConsent(channel.label, channel.value, flags[channel]) for channel in flags
    }
    for change in person.consent_changes.select_related("recorded_by"):
        rows[Channel(change.channel)].changes.append(change)
    return list(rows.values())


def custom_values(person: Person) -> list[tuple[CustomField, str]]:
    return [
        (definition, display_custom_value(person.custom_fields.get(definition.key)))
        for definition in CustomField.objects.all()
    ]
