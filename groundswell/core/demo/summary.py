"""What the demo loader prints: the movement in figures, and how to sign in as each role."""

import base64

from django.db.models import Count

from groundswell.accounts.models import Role
from groundswell.core.demo.logins_plan import DEMO_PASSWORD
from groundswell.core.demo.write_accounts import DEMO_DEVICE_NAME, DemoLogin
from groundswell.events.models import Attendance, Event, Shift
from groundswell.groups.models import Group, GroupKind, Membership
from groundswell.people.models import ConsentChange, Note, Person
from groundswell.targets.models import Target

HONESTY = (
    "Everyone in it is invented: names, addresses and postcodes are made up, emails are on the reserved "
    "example.org/.net/.com domains, and mobiles are random valid UK numbers, so never connect the demo to "
    "a live SMS or calling provider."
)


def summary_lines() -> list[str]:
    statuses = dict(
        Person.objects.values_list("membership_status").annotate(n=Count("id")).order_by()
    )
    kinds = dict(Group.objects.values_list("kind").annotate(n=Count("id")).order_by())
    organisers = Membership.objects.filter(role=Membership.Role.ORGANISER).count()
    lines = [
        "Demo movement (invented data):",
        f"  People: {sum(statuses.values()):,} — members {statuses.get('member', 0):,}, "
        f"supporters {statuses.get('supporter', 0):,}, lapsed {statuses.get('lapsed', 0):,}",
        "  Groups: "
        + ", ".join(f"{label.lower()} {kinds.get(kind, 0)}" for kind, label in GroupKind.choices),
        f"  Memberships: {Membership.objects.count():,} ({organisers} as organiser)",
        f"  Consent changes: {ConsentChange.objects.count():,}; notes: {Note.objects.count():,}",
        f"  Events: {Event.objects.count():,} with {Shift.objects.count():,} shifts and "
        f"{Attendance.objects.count():,} sign-ups; target seats: {Target.objects.count()}",
        f"  {HONESTY}",
    ]
    return lines


def login_lines(logins: list[DemoLogin]) -> list[str]:
    lines = [
        f"Demo logins (password for all: {DEMO_PASSWORD}). Those marked 2FA have a confirmed TOTP "
        f"device named “{DEMO_DEVICE_NAME}”: with GROUNDSWELL_DEMO=1 the two-factor page shows its "
        "current code, or add the secret to an authenticator app.",
    ]
    for login in logins:
        lines.append(f"  {login.user.email:<24} {_describe(login)}")
        if login.device is not None:
            secret = base64.b32encode(login.device.bin_key).decode()
            lines.append(f"  {'':<24} 2FA secret {secret}")
    return lines


def _describe(login: DemoLogin) -> str:
    user = login.user
    name = user.person.full_name if user.person else ""
    organised = sorted(
        Membership.objects.filter(person=user.person, role=Membership.Role.ORGANISER).values_list(
            "group__name", flat=True
        )
    )
    role = "admin (staff, superuser)" if user.is_superuser else user.get_role_display().lower()
    if organised:
        groups = f"organiser of {', '.join(organised)}"
        role = groups if user.role == Role.MEMBER else f"{role}, {groups}"
    return f"{name} — {role}"
