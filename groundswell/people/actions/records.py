"""Creating and updating person records: matching by email/mobile, contact details, consent, history.

Sign-up, the organiser's forms, the CSV importer and the API all come through here, so a person is matched
and recorded the same way whichever door they came in by.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from groundswell.people.contact import Phone
from groundswell.people.models import (
    Channel,
    ConsentChange,
    EmailAddress,
    HistoryEvent,
    MembershipStatus,
    Person,
    PhoneNumber,
    Tag,
)

CONSENT_FIELDS = {
    Channel.EMAIL: "email_consent",
    Channel.SMS: "sms_consent",
    Channel.PHONE: "phone_consent",
}


@dataclass
class PersonDetails:
    """What a form, an import row or an API call says about a person. Empty means "not given":
    it never blanks out what we already hold. Email and phone must already be normalised."""

    given_name: str = ""
    family_name: str = ""
    email: str = ""
    phone: Phone | None = None
    address_lines: str = ""
    locality: str = ""
    region: str = ""
    postal_code: str = ""
    lat: float | None = None
    lng: float | None = None
    location_precision: str = ""
    constituency_id: int | None = None
    membership_status: str = ""
    member_since: date | None = None
    source: str = ""
    tags: list[str] = field(default_factory=list)
    custom_fields: dict[str, Any] = field(default_factory=dict)
    consents: dict[str, bool] = field(default_factory=dict)


def add_history(
    person: Person,
    kind: str,
    summary: str,
    actor: Any = None,
    at: datetime | None = None,
    **data: Any,
) -> HistoryEvent:
    return HistoryEvent.objects.create(
        person=person,
        kind=kind,
        summary=summary[:300],
        actor=actor,
        at=at or timezone.now(),
        data=data,
    )


def record_consent(
    person: Person,
    channel: str,
    granted: bool,
    method: str,
    actor: Any = None,
    at: datetime | None = None,
) -> bool:
    """Set consent on one channel, keeping when and how. Returns whether anything changed."""
    attr = CONSENT_FIELDS[Channel(channel)]
    already_recorded = person.consent_changes.filter(channel=channel).exists()
    if getattr(person, attr) == granted and already_recorded:
        return False
    at = at or timezone.now()
    ConsentChange.objects.create(
        person=person,
        channel=channel,
        granted=granted,
        at=at,
        method=method[:60],
        recorded_by=actor,
    )
    setattr(person, attr, granted)
    Person.objects.filter(pk=person.pk).update(**{attr: granted, "modified_at": at})
    verb = "gave" if granted else "withdrew"
    add_history(
        person,
        "consent",
        f"{verb} consent to {Channel(channel).label.lower()} ({method})",
        actor,
        at,
    )
    return True


def find_existing_person(email: str = "", mobile: str = "") -> Person | None:
    """The person who already holds this email address, else this mobile number."""
    if email:
        match = EmailAddress.objects.filter(address=email).select_related("person").first()
        if match:
            return match.person
    if mobile:
        phone = PhoneNumber.objects.filter(number=mobile, number_type="mobile").select_related(
            "person"
        )
        found = phone.first()
        if found:
            return found.person
    return None


def upsert_person(details: PersonDetails, *, method: str, actor: Any = None) -> tuple[Person, bool]:
    """Create a person, or update the one who already has this email or mobile. Returns (person, created)."""
    for attempt in range(3):
        try:
            with transaction.atomic():
                return _upsert(details, method=method, actor=actor)
        except IntegrityError:
            # Someone else created the same email/mobile at the same moment: match them instead.
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _upsert(details: PersonDetails, *, method: str, actor: Any) -> tuple[Person, bool]:
    mobile = details.phone.number if details.phone and details.phone.number_type == "mobile" else ""
    person = find_existing_person(details.email, mobile)
    created = person is None
    if person is None:
        person = Person(source=details.source[:100])
    changed = _apply_fields(person, details)
    person.save()
    _attach_contacts(person, details, created)
    if details.tags:
        person.tags.add(*[Tag.objects.get_or_create(name=name)[0] for name in details.tags])
    if created:
        add_history(person, "created", f"Record created ({method})", actor)
    elif changed:
        add_history(person, "updated", f"Details updated ({method}): {', '.join(changed)}", actor)
    for channel, granted in details.consents.items():
        record_consent(person, channel, granted, method, actor)
    return person, created


_SIMPLE_FIELDS = (
    "given_name",
    "family_name",
    "address_lines",
    "locality",
    "region",
    "postal_code",
    "lat",
    "lng",
    "location_precision",
    "constituency_id",
    "membership_status",
    "member_since",
)


def _apply_fields(person: Person, details: PersonDetails) -> list[str]:
    changed = []
    for name in _SIMPLE_FIELDS:
        value = getattr(details, name)
        if value in ("", None) or getattr(person, name) == value:
            continue
        setattr(person, name, value)
        changed.append(name)
    if details.membership_status == "lapsed" and person.lapsed_on is None:
        person.lapsed_on = timezone.localdate()
    if details.custom_fields:
        merged = {**person.custom_fields, **details.custom_fields}
        if merged != person.custom_fields:
            person.custom_fields = merged
            changed.append("custom fields")
    return changed


def _attach_contacts(person: Person, details: PersonDetails, created: bool) -> None:
    if details.email:
        holder = _holder(EmailAddress.objects.filter(address=details.email))
        if holder is None:
            first = not person.emails.exists()
            EmailAddress.objects.create(person=person, address=details.email, primary=first)
        elif holder != person.pk and created:
            _raise_taken(details.email)
    phone = details.phone
    if phone and not person.phones.filter(number=phone.number).exists():
        mobiles = PhoneNumber.objects.filter(number=phone.number, number_type="mobile")
        holder = _holder(mobiles) if phone.number_type == "mobile" else None
        if holder is None:
            PhoneNumber.objects.create(
                person=person,
                number=phone.number,
                number_type=phone.number_type,
                sms_capable=phone.sms_capable,
                primary=not person.phones.exists(),
            )
        elif created:
            _raise_taken(phone.number)


def _holder(contacts: Any) -> int | None:
    return contacts.values_list("person_id", flat=True).first()  # type: ignore[no-any-return]


def _raise_taken(contact: str) -> None:
    # Another request created a record with this email or mobile after we looked: roll back the
    # record we just made, and let upsert_person try again, when it will match that one.
    raise IntegrityError(f"{contact} was taken by a record made at the same moment")


# --- Editing a person (the person page) ------------------------------------------------------

EDITABLE_FIELDS = (
    "given_name",
    "family_name",
    "address_lines",
    "locality",
    "region",
    "postal_code",
    "membership_status",
    "member_since",
    "source",
)


@transaction.atomic
def update_person(
    person: Person, changes: Mapping[str, Any], *, actor: Any, location: Any = None
) -> list[str]:
    """Set the given fields (blanks allowed: this is an edit, not an import). `location` is the geo
    Location of a new postcode. Returns the names of the fields that changed."""
    changed = [
        name
        for name in EDITABLE_FIELDS
        if name in changes and getattr(person, name) != changes[name]
    ]
    for name in changed:
        setattr(person, name, changes[name])
    if "postal_code" in changed:
        _place(person, location)
    if "membership_status" in changed:
        _status_dates(person)
    if changed:
        person.save()
        add_history(person, "updated", f"Details edited: {', '.join(changed)}", actor)
    return changed


def _place(person: Person, location: Any) -> None:
    person.lat = location.lat if location else None
    person.lng = location.lng if location else None
    person.location_precision = location.precision if location else ""
    person.constituency_id = location.constituency_id if location else None


def _status_dates(person: Person) -> None:
    if person.membership_status == MembershipStatus.LAPSED:
        person.lapsed_on = person.lapsed_on or timezone.localdate()
    else:
        person.lapsed_on = None
    if person.membership_status == MembershipStatus.MEMBER and person.member_since is None:
        person.member_since = timezone.localdate()


def add_email(person: Person, address: str, *, actor: Any) -> EmailAddress:
    """Add a normalised address to a person, refusing one that belongs to someone else."""
    existing = EmailAddress.objects.filter(address=address).first()
    if existing and existing.person_id != person.pk:
        raise ValidationError(
            f"{address} belongs to another person's record: merge the two records instead."
        )
    if existing:
        return existing
    email = EmailAddress.objects.create(
        person=person, address=address, primary=not person.emails.exists()
    )
    add_history(person, "updated", f"Email address {address} added", actor)
    return email


def add_phone(person: Person, phone: Phone, *, actor: Any) -> PhoneNumber:
    """Add a normalised number to a person, refusing a mobile that belongs to someone else."""
    existing = PhoneNumber.objects.filter(number=phone.number)
    if existing.filter(person=person).exists():
        return existing.get(person=person)
    if phone.number_type == "mobile" and existing.filter(number_type="mobile").exists():
        raise ValidationError(
            f"{phone.number} is another person's mobile: merge the two records instead."
        )
    number = PhoneNumber.objects.create(
        person=person,
        number=phone.number,
        number_type=phone.number_type,
        sms_capable=phone.sms_capable,
        primary=not person.phones.exists(),
    )
    add_history(person, "updated", f"Phone number {phone.number} added", actor)
    return number


# --- Notes and tags --------------------------------------------------------------------------
