"""Signing up someone who is not signed in, from the form on an event page.

Whoever fills the form has proved nothing about the email address or mobile number they type, so a
match with an existing person only ever ADDS what that record lacks: it never changes a name, a
postcode, a contact detail or a consent already held, and never withdraws a consent."""

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from groundswell.events.actions.creating import EventError
from groundswell.events.actions.rsvp import rsvp_to_shift
from groundswell.events.models import Attendance, Shift
from groundswell.geo.queries import Location
from groundswell.people.actions import (
    PersonDetails,
    add_history,
    find_existing_person,
    record_consent,
    upsert_person,
)
from groundswell.people.contact import Phone
from groundswell.people.models import Channel, EmailAddress, Person, PhoneNumber

SIGN_UP_METHOD = "event sign-up form"


@dataclass(frozen=True)
class Guest:
    """What the form says. `email` is normalised ("" when not given); `phone` is a mobile."""

    given_name: str
    location: Location
    family_name: str = ""
    email: str = ""
    phone: Phone | None = None
    consents: dict[str, bool] = field(default_factory=dict)


def rsvp_as_guest(
    guest: Guest, shift: Shift, referrer_data: dict[str, Any] | None = None
) -> Attendance:
    """Match the guest to a person (or create one) and sign them up, all or nothing: a refused
    sign-up (a full event is not one: that is the waitlist) leaves no new record behind."""
    if not guest.email and guest.phone is None:
        raise EventError("Please give an email address or a mobile number.")
    with transaction.atomic():
        mobile = guest.phone.number if guest.phone else ""
        person = find_existing_person(guest.email, mobile)
        if person is None:
            person = _create(guest)
        else:
            _fill_in(person, guest)
        return rsvp_to_shift(person, shift, referrer_data)


def _create(guest: Guest) -> Person:
    place = guest.location
    details = PersonDetails(
        given_name=guest.given_name,
        family_name=guest.family_name,
        email=guest.email,
        phone=guest.phone,
        postal_code=place.postal_code,
        lat=place.lat,
        lng=place.lng,
        location_precision=place.precision,
        constituency_id=place.constituency_id,
        source="event sign-up",
        consents=dict(guest.consents),
    )
    person, _ = upsert_person(details, method=SIGN_UP_METHOD)
    return person


def _fill_in(person: Person, guest: Guest) -> None:
    added = _add_missing_fields(person, guest)
    if guest.email and not person.emails.exists():
        added += _add_contact(EmailAddress, person, address=guest.email, primary=True)
    if guest.phone is not None and not person.phones.exists():
        phone = guest.phone
        added += _add_contact(PhoneNumber, person, number=phone.number, number_type=phone.number_type,
                              sms_capable=phone.sms_capable, primary=True)  # fmt: skip
    if added:
        add_history(person, "updated", f"Details added ({SIGN_UP_METHOD}): {', '.join(added)}")
    _grant_consents(person, guest)


def _add_missing_fields(person: Person, guest: Guest) -> list[str]:
    place = guest.location
    wanted: dict[str, Any] = {"given_name": guest.given_name, "family_name": guest.family_name}
    if not person.postal_code and place.postal_code:
        wanted |= {"postal_code": place.postal_code, "lat": place.lat, "lng": place.lng,
                   "location_precision": place.precision, "constituency_id": place.constituency_id}  # fmt: skip
    missing = {
        name: value
        for name, value in wanted.items()
        if value not in ("", None) and getattr(person, name) in ("", None)
    }
    if not missing:
        return []
    for name, value in missing.items():
        setattr(person, name, value)
    person.modified_at = timezone.now()
    person.save(update_fields=[*missing, "modified_at"])
    return [name for name in missing if name in ("given_name", "family_name", "postal_code")]


def _add_contact(model: Any, person: Person, **values: Any) -> list[str]:
    """Attach an email or mobile nobody holds yet; one taken meanwhile is simply not added."""
    try:
        with transaction.atomic():
            model.objects.create(person=person, **values)
    except IntegrityError:
        return []
    return ["email" if model is EmailAddress else "mobile"]


def _grant_consents(person: Person, guest: Guest) -> None:
    """Only consents ticked, and only for a channel whose typed address or number is on this
    record: an unticked box on a stranger's form is not a withdrawal."""
    has_email = bool(guest.email) and person.emails.filter(address=guest.email).exists()
    has_mobile = guest.phone is not None and (
        person.phones.filter(number=guest.phone.number).exists()
    )
    reachable = {Channel.EMAIL: has_email, Channel.SMS: has_mobile}
    for channel, granted in guest.consents.items():
        if granted and reachable.get(Channel(channel), False):
            record_consent(person, channel, True, SIGN_UP_METHOD)
