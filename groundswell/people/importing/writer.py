"""Writing a chunk of checked candidates to people's records, a few bulk statements per table.

The same semantics as people.actions.upsert_person (fill given fields, never blank one, add tags,
record consent changes and a history event per person), done for thousands of rows at once.
"""

import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from groundswell.groups.models import Membership
from groundswell.people.importing.bulksql import IdAllocator, Table, db_value, update_rows
from groundswell.people.importing.existing import UPDATED_COLUMNS, update_existing
from groundswell.people.importing.newpeople import add_new_people
from groundswell.people.importing.pipeline import Chunk
from groundswell.people.importing.validation import Candidate
from groundswell.people.models import (
    Channel,
    ConsentChange,
    EmailAddress,
    HistoryEvent,
    Person,
    PhoneNumber,
    Tag,
)

PERSON_FIELDS = (
    "id", "given_name", "family_name", "address_lines", "locality", "region", "postal_code",
    "lat", "lng", "location_precision", "constituency_id", "membership_status", "member_since",
    "lapsed_on", "source", "custom_fields", "email_consent", "sms_consent", "phone_consent",
)  # fmt: skip


@dataclass(frozen=True)
class Context:
    job_id: int
    actor_id: int
    method: str  # "import: members.csv", as consent changes and history record it
    now: datetime
    today: date
    group_id: int | None = None
    group_name: str = ""


class Tables:
    """One pending batch of rows per table, flushed parents first."""

    def __init__(self, now: datetime) -> None:
        self.person = Table(Person, PERSON_FIELDS, now)
        self.email = Table(EmailAddress, ("person_id", "address", "primary"), now)
        self.phone = Table(
            PhoneNumber, ("person_id", "number", "number_type", "primary", "sms_capable"), now
        )
        self.tag = Table(Person.tags.through, ("person_id", "tag_id"), now)
        consent = ("person_id", "channel", "granted", "at", "method", "recorded_by_id")
        self.consent = Table(ConsentChange, consent, now)
        history = ("person_id", "at", "kind", "summary", "actor_id", "data")
        self.history = Table(HistoryEvent, history, now)
        self.membership = Table(Membership, ("group_id", "person_id", "role", "joined_at"), now)

    def all(self) -> tuple[Table, ...]:
        return (
            self.person,
            self.email,
            self.phone,
            self.tag,
            self.consent,
            self.history,
            self.membership,
        )

    def pending(self) -> int:
        return sum(len(table.rows) for table in self.all())

    def flush(self) -> None:
        for table in self.all():
            table.flush()


class ChunkWriter:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.tables = Tables(context.now)
        self.ids = IdAllocator(Person)
        self.tag_ids = {name.lower(): pk for pk, name in Tag.objects.values_list("pk", "name")}
        self.now = db_value(HistoryEvent, "at", context.now)
        self.today = db_value(Person, "lapsed_on", context.today)
        self.data = db_value(HistoryEvent, "data", {"import_job": context.job_id})
        self.method = context.method[:60]
        self.created = self.updated = self.unchanged = 0
        self.person_updates: list[tuple[Any, ...]] = []
        self.database_seconds = 0.0  # time spent in the database's own work, for the report

    def write(self, chunk: Chunk) -> None:
        self._ensure_tags(chunk.candidates)
        add_new_people(self, [c for c in chunk.candidates if c.person_id is None], chunk.owners)
        update_existing(self, [c for c in chunk.candidates if c.person_id], chunk.owners)
        started = time.perf_counter()
        update_rows(Person._meta.db_table, UPDATED_COLUMNS, self.person_updates)
        self.person_updates = []
        self.tables.flush()
        self.database_seconds += time.perf_counter() - started

    def _ensure_tags(self, candidates: list[Candidate]) -> None:
        missing = {n.lower(): n for c in candidates for n in c.details.tags} - self.tag_ids.keys()
        if missing:
            names = {n.lower(): n for c in candidates for n in c.details.tags}
            created = Tag.objects.bulk_create([Tag(name=names[key]) for key in sorted(missing)])
            self.tag_ids.update({tag.name.lower(): tag.pk for tag in created})

    def history(self, person_id: int, kind: str, summary: str) -> None:
        self.tables.history.add(
            person_id, self.now, kind, summary[:300], self.context.actor_id, self.data
        )

    def consent(self, person_id: int, channel: str, granted: bool) -> None:
        self.tables.consent.add(
            person_id, channel, granted, self.now, self.method, self.context.actor_id
        )
        verb = "gave" if granted else "withdrew"
        label = Channel(channel).label.lower()
        self.history(person_id, "consent", f"{verb} consent to {label} ({self.context.method})")

    def join_group(self, person_id: int) -> None:
        self.tables.membership.add(self.context.group_id, person_id, "member", self.now)
        self.history(person_id, "added_to_group", f"Added to {self.context.group_name}")

    def tag(
        self, person_id: int, names: list[str], already: set[int] | frozenset[int] = frozenset()
    ) -> None:
        for tag_id in {self.tag_ids[name.lower()] for name in names} - already:
            self.tables.tag.add(person_id, tag_id)
