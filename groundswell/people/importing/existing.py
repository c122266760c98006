"""Updating people already on record, as upsert_person would: given fields fill in or replace
what we hold, blanks never erase, tags and contacts are added, consent changes are recorded."""

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from groundswell.groups.models import Membership
from groundswell.people.actions import PersonDetails
from groundswell.people.importing.bulksql import db_value
from groundswell.people.importing.matching import Owners
from groundswell.people.importing.newpeople import attachable
from groundswell.people.importing.validation import Candidate
from groundswell.people.models import ConsentChange, EmailAddress, Person, PhoneNumber

if TYPE_CHECKING:
    from groundswell.people.importing.writer import ChunkWriter

# upsert_person's fields, which an import fills in when given and never blanks.
SIMPLE = (
    "given_name", "family_name", "address_lines", "locality", "region", "postal_code", "lat",
    "lng", "location_precision", "constituency_id", "membership_status", "member_since",
)  # fmt: skip
CONSENT_ATTRS = {"email": "email_consent", "sms": "sms_consent", "phone": "phone_consent"}
STORED = (*SIMPLE, "lapsed_on", "custom_fields", *CONSENT_ATTRS.values())
_COLUMN_OF = {f.attname: f.column for f in Person._meta.concrete_fields}
UPDATED_COLUMNS = [_COLUMN_OF[name] for name in (*STORED, "modified_at")]


@dataclass
class OnRecord:
    """What a chunk's matched people already have, fetched in one query per table."""

    people: dict[int, dict[str, Any]]
    with_email: set[int]
    numbers: dict[int, set[str]] = field(default_factory=dict)
    consented: set[tuple[int, str]] = field(default_factory=set)
    tags: dict[int, set[int]] = field(default_factory=dict)
    in_group: set[int] = field(default_factory=set)


def load(ids: list[int], group_id: int | None) -> OnRecord:
    record = OnRecord(
        {row["id"]: row for row in Person.objects.filter(pk__in=ids).values("id", *STORED)},
        set(EmailAddress.objects.filter(person_id__in=ids).values_list("person_id", flat=True)),
    )
    for person_id, number in PhoneNumber.objects.filter(person_id__in=ids).values_list(
        "person_id", "number"
    ):
        record.numbers.setdefault(person_id, set()).add(number)
    record.consented = set(
        ConsentChange.objects.filter(person_id__in=ids).values_list("person_id", "channel")
    )
    through = Person.tags.through.objects.filter(person_id__in=ids)
    for person_id, tag_id in through.values_list("person_id", "tag_id"):
        record.tags.setdefault(person_id, set()).add(tag_id)
    if group_id:
        members = Membership.objects.filter(group_id=group_id, person_id__in=ids)
        record.in_group = set(members.values_list("person_id", flat=True))
    return record


def update_existing(writer: "ChunkWriter", candidates: list[Candidate], owners: Owners) -> None:
    record = load([c.person_id for c in candidates if c.person_id], writer.context.group_id)
    for candidate in candidates:
        person_id = candidate.person_id
        assert person_id is not None
        state, before = record.people[person_id], writer.tables.pending()
        dirty, changed = _apply(state, candidate.details, writer)
        if changed:
            summary = f"Details updated ({writer.context.method}): {', '.join(changed)}"
            writer.history(person_id, "updated", summary)
        dirty = _consents(writer, person_id, state, candidate.details, record) or dirty
        _contacts(writer, person_id, candidate, owners, record)
        writer.tag(person_id, candidate.details.tags, record.tags.get(person_id, set()))
        if writer.context.group_id and person_id not in record.in_group:
            writer.join_group(person_id)
        if dirty:
            writer.person_updates.append(_row(state, writer))
        touched = dirty or writer.tables.pending() != before
        writer.updated += touched
        writer.unchanged += not touched


def _apply(
    state: dict[str, Any], details: PersonDetails, writer: "ChunkWriter"
) -> tuple[bool, list[str]]:
    changed = []
    for name in SIMPLE:
        value = getattr(details, name)
        if value in ("", None) or state[name] == value:
            continue
        state[name] = value
        changed.append(name)
    dirty = bool(changed)
    if details.membership_status == "lapsed" and state["lapsed_on"] is None:
        state["lapsed_on"], dirty = writer.context.today, True
    merged = {**state["custom_fields"], **details.custom_fields}
    if merged != state["custom_fields"]:
        state["custom_fields"], dirty = merged, True
        changed.append("custom fields")
    return dirty, changed


def _consents(
    writer: "ChunkWriter",
    person_id: int,
    state: dict[str, Any],
    details: PersonDetails,
    record: OnRecord,
) -> bool:
    dirty = False
    for channel, granted in details.consents.items():
        attr = CONSENT_ATTRS[channel]
        if state[attr] == granted and (person_id, channel) in record.consented:
            continue
        writer.consent(person_id, channel, granted)
        record.consented.add((person_id, channel))
        state[attr], dirty = granted, True
    return dirty


def _contacts(
    writer: "ChunkWriter", person_id: int, candidate: Candidate, owners: Owners, record: OnRecord
) -> None:
    email = candidate.details.email
    if email and email not in owners.emails:
        writer.tables.email.add(person_id, email, person_id not in record.with_email)
        record.with_email.add(person_id)
    numbers = record.numbers.setdefault(person_id, set())
    for phone in attachable(candidate, owners, person_id):
        if phone.number not in numbers:
            writer.tables.phone.add(
                person_id, phone.number, phone.number_type, not numbers, phone.sms_capable
            )
            numbers.add(phone.number)


def _row(state: dict[str, Any], writer: "ChunkWriter") -> tuple[Any, ...]:
    values = [state[name] for name in STORED]
    for index, name in enumerate(STORED):
        if name in ("member_since", "lapsed_on", "custom_fields"):
            values[index] = db_value(Person, name, values[index])
    return (*values, writer.now, state["id"])
