"""A member changing their own details and consent from the "My details" page."""

from dataclasses import dataclass, field

from django.db import transaction

from groundswell.accounts.models import User
from groundswell.geo.queries import Location
from groundswell.people.actions import (
    CONSENT_FIELDS,
    PersonDetails,
    add_history,
    find_existing_person,
    record_consent,
    upsert_person,
)
from groundswell.people.contact import Phone
from groundswell.people.models import Person, PhoneNumber

OWN_CHOICE = "member's own choice"


@dataclass
class MyDetails:
    """The form's checked values. `phone` None means the member cleared the field."""

    given_name: str
    family_name: str
    location: Location
    phone: Phone | None
    consents: dict[str, bool] = field(default_factory=dict)


@dataclass
class DetailsSaved:
    changed: list[str]
    phone_held_elsewhere: bool = False


def update_my_details(user: User, details: MyDetails) -> DetailsSaved:
    """Save what changed, record each consent change as the member's own choice, and note it all
    in the person's history."""
    with transaction.atomic():
        person = _person_for(user)
        changed = _set_names_and_place(person, details)
        person.save()
        saved = _set_phone(person, details.phone)
        changed += saved.changed
        if changed:
            add_history(person, "updated", f"Updated own details: {', '.join(changed)}", user)
        for channel, granted in details.consents.items():
            if getattr(person, CONSENT_FIELDS[channel]) != granted:  # type: ignore[index]
                record_consent(person, channel, granted, OWN_CHOICE, actor=user)
                changed.append(f"{channel} consent")
    return DetailsSaved(changed, saved.phone_held_elsewhere)


def _person_for(user: User) -> Person:
    """The account's person record, made now for an account that has none (one made by an admin)."""
    if user.person is not None:
        return user.person
    details = PersonDetails(email=user.email, source=OWN_CHOICE)
    person, _ = upsert_person(details, method=OWN_CHOICE, actor=user)
    user.person = person
    user.save(update_fields=["person"])
    return person


def _set_names_and_place(person: Person, details: MyDetails) -> list[str]:
    loc = details.location
    wanted = {
        "given_name": details.given_name,
        "family_name": details.family_name,
        "postal_code": loc.postal_code,
        "lat": loc.lat,
        "lng": loc.lng,
        "location_precision": loc.precision,
        "constituency_id": loc.constituency_id,
    }
    changed = [name for name, value in wanted.items() if getattr(person, name) != value]
    for name in changed:
        setattr(person, name, wanted[name])
    labels = {"given_name": "given name", "family_name": "family name", "postal_code": "postcode"}
    return [labels[name] for name in changed if name in labels]


def _set_phone(person: Person, phone: Phone | None) -> DetailsSaved:
    """Make `phone` the primary number; the number it replaces is removed (the member's choice)."""
    current = person.phones.filter(primary=True).first()
    if (current.number if current else None) == (phone.number if phone else None):
        return DetailsSaved([])
    if phone and phone.number_type == "mobile":
        holder = find_existing_person(mobile=phone.number)
        if holder is not None and holder.pk != person.pk:
            add_history(
                person,
                "possible duplicate",
                "Gave a mobile number that is on another record: check whether to merge them",
                number=phone.number,
            )
            return DetailsSaved([], phone_held_elsewhere=True)
    if current:
        current.delete()
    if phone:
        PhoneNumber.objects.update_or_create(
            person=person,
            number=phone.number,
            defaults={
                "number_type": phone.number_type,
                "sms_capable": phone.sms_capable,
                "primary": True,
            },
        )
    return DetailsSaved(["phone"])
