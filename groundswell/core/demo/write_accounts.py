"""Writing the demo's sign-in accounts (with a TOTP device where the role needs one) and their notes."""

from dataclasses import dataclass

from django.contrib.auth.hashers import make_password
from django_otp.plugins.otp_totp.models import TOTPDevice

from groundswell.accounts.models import User
from groundswell.core.demo.logins_plan import DEMO_LOGINS, DEMO_PASSWORD, LoginPlan, NotePlan
from groundswell.core.demo.timestamps import given_timestamps
from groundswell.people.models import Note

DEMO_DEVICE_NAME = "demo"  # the sign-in page shows this device's current code when DEMO_MODE is on


@dataclass
class DemoLogin:
    key: str  # a LoginPlan key: "member", "organiser", ...
    user: User
    device: TOTPDevice | None


def write_logins(plans: list[LoginPlan], person_ids: list[int]) -> list[DemoLogin]:
    # One hash for all: the password is printed for anyone to use, and argon2 is slow on purpose.
    hashed = make_password(DEMO_PASSWORD)
    logins = []
    for plan in plans:
        user = User.objects.create_user(
            plan.email,
            person_id=person_ids[plan.person],
            role=plan.role,
            is_staff=plan.is_staff,
            is_superuser=plan.is_staff,
        )
        user.password = hashed
        user.save(update_fields=["password"])
        device = None
        if plan.two_factor:
            device = TOTPDevice.objects.create(user=user, name=DEMO_DEVICE_NAME, confirmed=True)
        logins.append(DemoLogin(plan.key, user, device))
    return logins


def write_notes(notes: list[NotePlan], person_ids: list[int], logins: list[DemoLogin]) -> None:
    authors = {login.key: login.user for login in logins}
    records = [
        Note(person_id=person_ids[n.person], author=authors[n.author], text=n.text, created_at=n.at)
        for n in notes
    ]
    with given_timestamps((Note, "created_at")):
        Note.objects.bulk_create(records)


def existing_logins() -> list[DemoLogin]:
    """The demo logins already in the database, in the usual order (for a second run that loads nothing)."""
    users = {u.email: u for u in User.objects.filter(email__in=[e for _, e, *_ in DEMO_LOGINS])}
    logins = []
    for key, email, *_ in DEMO_LOGINS:
        if email in users:
            device = TOTPDevice.objects.filter(user=users[email], name=DEMO_DEVICE_NAME).first()
            logins.append(DemoLogin(key, users[email], device))
    return logins
