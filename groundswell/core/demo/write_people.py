"""Writing the planned people in bulk: records, emails, mobiles, tags, consent changes and history."""

from groundswell.core.demo import catalogue
from groundswell.core.demo.people_plan import ConsentPlan, PersonPlan
from groundswell.core.demo.timestamps import given_timestamps
from groundswell.people.models import (
    Channel,
    ConsentChange,
    CustomField,
    EmailAddress,
    HistoryEvent,
    Person,
    PhoneNumber,
    Tag,
)

BATCH = 2000


def write_people(people: list[PersonPlan]) -> list[int]:
    """Creates everyone and returns their ids, in the plan's order."""
    _define_custom_fields()
    records = [_record(plan) for plan in people]
    with given_timestamps((Person, "created_at"), (Person, "modified_at")):
        Person.objects.bulk_create(records, batch_size=BATCH)
    ids = [record.pk for record in records]
    EmailAddress.objects.bulk_create(
        (
            EmailAddress(person_id=pk, address=p.email, primary=True)
            for pk, p in zip(ids, people, strict=True)
        ),
        batch_size=BATCH,
    )
    PhoneNumber.objects.bulk_create(
        (_mobile(pk, p) for pk, p in zip(ids, people, strict=True) if p.mobile), batch_size=BATCH
    )
    _write_tags(ids, people)
    _write_consents(ids, people)
    return ids


def _define_custom_fields() -> None:
    for key, label, kind, choices, help_text in catalogue.CUSTOM_FIELDS:
        CustomField.objects.update_or_create(
            key=key,
            defaults={
                "label": label,
                "kind": kind,
                "choices": list(choices),
                "help_text": help_text,
            },
        )


def _record(plan: PersonPlan) -> Person:
    last_change = max(c.at for c in plan.consents)
    return Person(
        given_name=plan.given_name,
        family_name=plan.family_name,
        address_lines=plan.address_lines,
        postal_code=plan.postal_code,
        lat=plan.lat,
        lng=plan.lng,
        location_precision="district",
        constituency_id=plan.district.seat.id,
        membership_status=plan.status,
        member_since=plan.member_since,
        lapsed_on=plan.lapsed_on,
        source=plan.source,
        custom_fields=plan.custom_fields,
        email_consent=plan.consent("email"),
        sms_consent=plan.consent("sms"),
        phone_consent=plan.consent("phone"),
        created_at=plan.created_at,
        modified_at=max(last_change, plan.created_at),
    )


def _mobile(person_id: int, plan: PersonPlan) -> PhoneNumber:
    return PhoneNumber(
        person_id=person_id,
        number=plan.mobile,
        number_type="mobile",
        primary=True,
        sms_capable=True,
    )


def _write_tags(ids: list[int], people: list[PersonPlan]) -> None:
    tag_ids = {}
    for name, _ in catalogue.TAGS:
        tag_ids[name] = Tag.objects.get_or_create(name=name)[0].pk
    through = Person.tags.through
    rows = (
        through(person_id=pk, tag_id=tag_ids[name])
        for pk, plan in zip(ids, people, strict=True)
        for name in plan.tags
    )
    through.objects.bulk_create(rows, batch_size=BATCH)


def _write_consents(ids: list[int], people: list[PersonPlan]) -> None:
    changes, history = [], []
    for pk, plan in zip(ids, people, strict=True):
        history.append(
            HistoryEvent(
                person_id=pk,
                kind="created",
                summary=f"Record created ({plan.consents[0].method})",
                at=plan.created_at,
            )
        )
        for change in plan.consents:
            changes.append(_consent_change(pk, change))
            # A "no" ticked at sign-up is kept as a consent change, but it is not news in the history.
            if change.granted or change.at > plan.created_at:
                history.append(_consent_history(pk, change))
    ConsentChange.objects.bulk_create(changes, batch_size=BATCH)
    HistoryEvent.objects.bulk_create(history, batch_size=BATCH)


def _consent_change(person_id: int, change: ConsentPlan) -> ConsentChange:
    return ConsentChange(
        person_id=person_id,
        channel=change.channel,
        granted=change.granted,
        at=change.at,
        method=change.method,
    )


def _consent_history(person_id: int, change: ConsentPlan) -> HistoryEvent:
    """Worded as people.actions.record_consent words it, so demo and real histories read alike."""
    verb = "gave" if change.granted else "withdrew"
    channel = Channel(change.channel).label.lower()
    return HistoryEvent(
        person_id=person_id,
        kind="consent",
        summary=f"{verb} consent to {channel} ({change.method})",
        at=change.at,
    )
