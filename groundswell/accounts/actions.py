"""Every write accounts make: joining (an account plus its person record) and confirming an address.

Changes to a member's own details live in `details.py`.
"""

from dataclasses import asdict, dataclass, field
from functools import partial
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.accounts.tasks import email_sign_in_link
from groundswell.geo.queries import Location
from groundswell.people.actions import (
    PersonDetails,
    add_history,
    find_existing_person,
    upsert_person,
)
from groundswell.people.contact import Phone
from groundswell.people.models import Person

SIGN_UP_METHOD = "sign-up form"
PENDING = "sign-up pending"


class AccountExists(Exception):
    """The address already has an account: nothing was written, and it was emailed a sign-in link."""


@dataclass
class NewMember:
    """What the sign-up form says, already checked: email and phone normalised, postcode located."""

    given_name: str
    family_name: str
    email: str
    location: Location
    password: str
    phone: Phone | None = None
    consents: dict[str, bool] = field(default_factory=dict)


def sign_up(new: NewMember, next_url: str = "") -> User:
    """Create the account and its person record, matching an existing supporter by email, and
    email a link to confirm the address. Raises AccountExists (having written nothing) when the
    address, or the record it belongs to, already has an account."""
    try:
        with transaction.atomic():
            user = _create_member(new)
    except (AccountExists, IntegrityError):
        # IntegrityError: the same address joined at the same moment.
        email_sign_in_link.enqueue(new.email, "already-joined", next_url)
        raise AccountExists from None
    transaction.on_commit(partial(email_sign_in_link.enqueue, user.email, "confirm", next_url))
    return user


def _create_member(new: NewMember) -> User:
    existing = find_existing_person(email=new.email)
    has_account = User.objects.filter(email=new.email).exists()
    if has_account or (existing is not None and User.objects.filter(person=existing).exists()):
        raise AccountExists
    mobile_elsewhere = _mobile_held_by_someone_else(new.phone, existing)
    details = _person_details(new, None if mobile_elsewhere else new.phone)
    if existing is not None:
        # Whoever typed this address has not yet proved it is theirs: keep what they gave and apply it
        # only when they open the emailed link, so nobody can rewrite another person's record.
        add_history(existing, PENDING, "Signed up online: details to apply once the email is confirmed",
                    details=_to_json(details))  # fmt: skip
        return User.objects.create_user(
            new.email, new.password, person=existing, email_confirmed_at=None, created_person=False
        )
    person, created = upsert_person(details, method=SIGN_UP_METHOD)
    if mobile_elsewhere and new.phone:
        add_history(
            person,
            "possible duplicate",
            "Gave a mobile number at sign-up that is on another record: check whether to merge them",
            number=new.phone.number,
        )
    return User.objects.create_user(
        new.email, new.password, person=person, email_confirmed_at=None, created_person=created
    )


def _mobile_held_by_someone_else(phone: Phone | None, person: Person | None) -> bool:
    # Matching a stranger's record by a mobile number nobody has verified would hand this account
    # that stranger's details and groups, so sign-up links records by (confirmed) email only.
    if phone is None or phone.number_type != "mobile":
        return False
    holder = find_existing_person(mobile=phone.number)
    return holder is not None and holder != person


def _person_details(new: NewMember, phone: Phone | None) -> PersonDetails:
    loc = new.location
    return PersonDetails(
        given_name=new.given_name,
        family_name=new.family_name,
        email=new.email,
        phone=phone,
        postal_code=loc.postal_code,
        lat=loc.lat,
        lng=loc.lng,
        location_precision=loc.precision,
        constituency_id=loc.constituency_id,
        source=SIGN_UP_METHOD,
        # Only ticked boxes: an unticked box at sign-up is not a withdrawal of consent given before.
        consents={channel: True for channel, granted in new.consents.items() if granted},
    )


def confirm_email(user: User) -> None:
    """The holder opened a link sent to the address: it is theirs."""
    if user.email_confirmed_at is None:
        user.email_confirmed_at = timezone.now()
        user.save(update_fields=["email_confirmed_at"])
        if user.person is not None:
            add_history(user.person, "confirmed email", f"Confirmed {user.email}", actor=user)
            _apply_pending_sign_up(user)


def _to_json(details: PersonDetails) -> dict[str, Any]:
    return asdict(details)


def _apply_pending_sign_up(user: User) -> None:
    """Apply what the member gave at sign-up to the record they matched, now the address is proved."""
    assert user.person is not None
    pending = user.person.history.filter(kind=PENDING, data__details__email=user.email).first()
    if pending is None:
        return
    data = dict(pending.data["details"])
    data["phone"] = Phone(**data["phone"]) if data.get("phone") else None
    upsert_person(PersonDetails(**data), method=SIGN_UP_METHOD, actor=user)
    pending.kind = "sign-up applied"
    pending.save(update_fields=["kind"])
