"""Shortcuts for the call banking and turnout tests: people with numbers, a tag audience, callers,
assignments made and started through the real actions, and the outcome form as a caller posts it."""

import itertools
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from typing import Any, cast

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import Role, User
from groundswell.core.testing import PersonFactory, make_user
from groundswell.events.models import Shift
from groundswell.outreach.actions.assignments import (
    AssignmentSpec,
    QuestionSpec,
    create_assignment,
    start_assignment,
)
from groundswell.outreach.actions.calls import Recorded, Report, record_outcome
from groundswell.outreach.actions.queue import serve_next
from groundswell.outreach.models import CallAssignment, CallQueueEntry, Question
from groundswell.people.models import Person, PhoneNumber, Tag
from groundswell.searches.models import SavedSearch

_numbers = itertools.count(200001)


def mobile() -> str:
    """A fresh valid UK mobile number (E.164)."""
    return f"+447911{next(_numbers):06d}"


def callee(
    number: str | None = "", *, consent: bool = True, dnc: bool = False, **fields: Any
) -> Person:
    """Someone who agreed to phone calls (unless told) with one primary mobile (None: no number)."""
    fields.setdefault("sms_consent", True)
    made = cast(Person, PersonFactory(phone_consent=consent, **fields))  # type: ignore[no-untyped-call]
    if number is not None:
        PhoneNumber.objects.create(
            person=made, number=number or mobile(), number_type="mobile", sms_capable=True,
            primary=True, do_not_call=dnc,
        )  # fmt: skip
    return made


def people(count: int, **fields: Any) -> list[Person]:
    return [callee(**fields) for _ in range(count)]


def audience_of(owner: User, members: Sequence[Person], name: str = "Call list") -> SavedSearch:
    tag = Tag.objects.create(name=f"{name} {next(_numbers)}")
    tag.people.add(*members)
    return SavedSearch.objects.create(
        name=name, owner=owner, definition={"all": [{"filter": "tag", "tag": tag.pk}]}
    )


def national() -> User:
    return make_user(Role.NATIONAL_ORGANISER)


def volunteer() -> User:
    """A member with an account and no organiser role: sees no one else's record."""
    return make_user(Role.MEMBER)


def as_person(user: User) -> Person:
    assert user.person is not None
    return user.person


def yes_no(text: str = "Will you help at the count?") -> QuestionSpec:
    return QuestionSpec("yes_no_maybe", text)


def assignment(
    owner: User,
    members: Sequence[Person],
    callers: Sequence[User] = (),
    *,
    questions: Sequence[QuestionSpec] = (),
    start: bool = True,
    **fields: Any,
) -> CallAssignment:
    spec = AssignmentSpec(
        name=fields.pop("name", "Ring round"), audience=audience_of(owner, members),
        callers=[as_person(u) for u in callers], questions=list(questions), **fields,
    )  # fmt: skip
    made = create_assignment(owner, spec)
    if start:
        start_assignment(made)
    return made


def question(made: CallAssignment, n: int = 0) -> Question:
    from groundswell.outreach.actions.assignments import ordered_questions

    return ordered_questions(made)[n]


def served(
    made: CallAssignment, caller: User, now: datetime | None = None
) -> CallQueueEntry | None:
    return serve_next(made, as_person(caller), now)


def record(
    entry: CallQueueEntry, caller: User, outcome: str, now: datetime | None = None, **extra: Any
) -> Recorded:
    report = Report(outcome=outcome, round=entry.attempts, **extra)
    return record_outcome(entry, as_person(caller), report, actor=caller, now=now)


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def screen_url(entry: CallQueueEntry) -> str:
    return reverse("outreach:call_screen", args=[entry.assignment_id, entry.pk])


def outcome_url(entry: CallQueueEntry) -> str:
    return reverse("outreach:call_outcome", args=[entry.assignment_id, entry.pk])


def evening(days_ahead: int = 3) -> datetime:
    """19:00 London time, `days_ahead` days from today."""
    day = timezone.localdate() + timedelta(days=days_ahead)
    return timezone.make_aware(datetime.combine(day, time(19, 0)))


def meeting(
    owner: User, *, capacity: int = 100, start: datetime | None = None, **fields: Any
) -> Shift:
    """An approved AGM with one shift (19:00 in three days unless told)."""
    from groundswell.events.tests.helpers import online_event, only_shift

    fields.setdefault("title", "Hackney South AGM")
    event = online_event(owner, capacity=capacity, start=start or evening(), kind="agm", **fields)
    return only_shift(event)
