"""Rows for people not yet on record: a person row with ids handed out in advance, then their
email, phones, tags, consent, history and group membership."""

from typing import TYPE_CHECKING

from groundswell.people.contact import Phone
from groundswell.people.importing.bulksql import db_value
from groundswell.people.importing.matching import Owners
from groundswell.people.importing.validation import Candidate
from groundswell.people.models import Person

if TYPE_CHECKING:
    from groundswell.people.importing.writer import ChunkWriter


def add_new_people(writer: "ChunkWriter", candidates: list[Candidate], owners: Owners) -> None:
    ids = writer.ids.take(len(candidates))
    empty_custom = db_value(Person, "custom_fields", {})
    for candidate, person_id in zip(candidates, ids, strict=True):
        d = candidate.details
        custom = (
            db_value(Person, "custom_fields", d.custom_fields) if d.custom_fields else empty_custom
        )
        since = db_value(Person, "member_since", d.member_since) if d.member_since else None
        status = d.membership_status or "supporter"
        consents = d.consents
        writer.tables.person.add(
            person_id, d.given_name, d.family_name, d.address_lines, d.locality, d.region,
            d.postal_code, d.lat, d.lng, d.location_precision, d.constituency_id, status, since,
            writer.today if status == "lapsed" else None, d.source, custom,
            consents.get("email", False), consents.get("sms", False), consents.get("phone", False),
        )  # fmt: skip
        _contacts(writer, person_id, candidate, owners)
        writer.tag(person_id, d.tags)
        writer.history(person_id, "created", f"Record created ({writer.context.method})")
        for channel, granted in consents.items():
            writer.consent(person_id, channel, granted)
        if writer.context.group_id:
            writer.join_group(person_id)
    writer.created += len(candidates)


def _contacts(writer: "ChunkWriter", person_id: int, candidate: Candidate, owners: Owners) -> None:
    if candidate.details.email:
        writer.tables.email.add(person_id, candidate.details.email, True)
    for index, phone in enumerate(attachable(candidate, owners, person_id)):
        writer.tables.phone.add(
            person_id, phone.number, phone.number_type, index == 0, phone.sms_capable
        )


def attachable(candidate: Candidate, owners: Owners, person_id: int) -> list[Phone]:
    """The row's numbers, less any mobile that is already someone else's."""
    phones = [candidate.details.phone, *candidate.other_phones]
    return [
        p for p in phones
        if p and not (p.number_type == "mobile" and owners.mobiles.get(p.number, person_id) != person_id)
    ]  # fmt: skip
