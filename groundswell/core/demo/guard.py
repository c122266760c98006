"""Keeping the demo away from real data: refuse to load over real people unless told to wipe everything."""

from functools import reduce
from operator import or_
from typing import Any

from django.core.management.base import CommandError
from django.db.models import Exists, OuterRef, Q

from groundswell.accounts.models import User
from groundswell.core.demo.contacts import DEMO_EMAIL_DOMAINS
from groundswell.core.demo.logins_plan import DEMO_LOGIN_EMAILS
from groundswell.events.models import Attendance, Event, FollowUp, Shift
from groundswell.groups.models import Group, Membership
from groundswell.people.models import (
    ConsentChange,
    CustomField,
    EmailAddress,
    ExportRecord,
    HistoryEvent,
    ImportJob,
    Note,
    Person,
    PhoneNumber,
    Tag,
)


def people_outside_demo() -> int:
    """People without an address on a reserved example.* domain: real people, as far as we can tell."""
    on_demo_domain = reduce(or_, (Q(address__endswith=f"@{d}") for d in DEMO_EMAIL_DOMAINS))
    demo_email = EmailAddress.objects.filter(on_demo_domain, person=OuterRef("pk"))
    return Person.objects.exclude(Exists(demo_email)).count()


def database_is_empty() -> bool:
    return not (
        Person.objects.exists()
        or Group.objects.exists()
        or User.objects.filter(email__in=DEMO_LOGIN_EMAILS).exists()
    )


def check_database_is_empty() -> None:
    """CommandError, with what to do, if people, groups or the demo logins already exist."""
    real = people_outside_demo()
    if real:
        raise CommandError(
            f"This database already holds {real} people who are not part of the demo movement. "
            "load_demo will not mix invented people with real ones: use a fresh database, or pass "
            "--flush to DELETE every person and group first."
        )
    people, groups = Person.objects.count(), Group.objects.count()
    logins = User.objects.filter(email__in=DEMO_LOGIN_EMAILS).exists()
    if people or groups or logins:
        raise CommandError(
            f"The demo movement is already loaded ({people} people, {groups} groups). "
            "Run `manage.py load_demo --flush` to replace it."
        )


def outreach_models() -> tuple[Any, ...]:
    """Outreach and saved searches, children first: they hold people, events and searches."""
    from groundswell.outreach import models as o
    from groundswell.searches.models import SavedSearch

    return (
        o.TextMessage, o.Conversation, o.CannedResponse, o.TextCampaign, o.Answer, o.CallAttempt,
        o.CallQueueEntry, o.AssignmentQuestion, o.CallAssignment, o.Question, SavedSearch,
    )  # fmt: skip


def decision_models() -> tuple[Any, ...]:
    """The movement's decisions, children first: they hold people, groups, events and ballots."""
    from groundswell.constitution import models as c
    from groundswell.democracy import models as d
    from groundswell.primary import models as p
    from groundswell.selections import models as s

    return (
        c.Seconding, c.ClauseText, c.Amendment, c.Clause, c.Version, c.Document,
        s.Decision, s.Nominator, s.Nomination, s.Selection,
        p.Composite, p.Support, p.ProposalVersion, p.Proposal, p.Primary,
        d.BallotResult, d.BallotPaper, d.Elector, d.Option, d.Question, d.Ballot,
    )  # fmt: skip


def flush_movement() -> None:
    """Deletes every event, person and group, their tags and custom fields, and the demo logins."""
    demo_users = User.objects.filter(email__in=DEMO_LOGIN_EMAILS)
    ImportJob.objects.filter(created_by__in=demo_users).delete()
    ExportRecord.objects.filter(exported_by__in=demo_users).delete()
    # Children first, so each delete is one statement rather than a cascade walked row by row.
    for model in (
        *decision_models(),
        *outreach_models(),
        Attendance,
        FollowUp,
        Shift,
        Event,
        Membership,
        Note,
        HistoryEvent,
        ConsentChange,
        PhoneNumber,
        EmailAddress,
    ):
        model.objects.all().delete()
    Person.tags.through.objects.all().delete()
    Group.objects.all().delete()
    Person.objects.all().delete()
    Tag.objects.all().delete()
    CustomField.objects.all().delete()
    demo_users.delete()
