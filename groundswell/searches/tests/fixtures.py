"""A small movement for the saved-search tests: two groups, their organisers, a member with no
role, a national organiser, and helpers that build events, answers, calls and texts for real."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from groundswell.accounts.models import Role, User
from groundswell.core.testing import GroupFactory, PersonFactory, add_member, make_user
from groundswell.events.models import Attendance, Event, Shift
from groundswell.groups.models import Group, Membership
from groundswell.outreach.models import (
    Answer,
    CallAssignment,
    CallAttempt,
    Conversation,
    Question,
    TextCampaign,
    TextMessage,
)
from groundswell.people.models import Person
from groundswell.searches.models import SavedSearch


def new_person(**fields: Any) -> Person:
    person: Person = PersonFactory(**fields)  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return person


def new_group(**fields: Any) -> Group:
    group: Group = GroupFactory(**fields)  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return group


def names(people: QuerySet[Person]) -> set[str]:
    return set(people.values_list("given_name", flat=True))


@dataclass
class Movement:
    """Group A (organised by organiser_a; Ada, Cal and the member in it) and group B (organised by
    organiser_b; Bea and Cal in it)."""

    group_a: Group
    group_b: Group
    organiser_a: User
    organiser_b: User
    member: User
    national: User
    ada: Person
    bea: Person
    cal: Person


def build_movement() -> Movement:
    group_a, group_b = new_group(name="Alpha"), new_group(name="Beta")
    organiser_a = make_user(person=new_person(given_name="Olive", family_name="Organiser"))
    add_member(group_a, organiser_a.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    organiser_b = make_user(person=new_person(given_name="Otto", family_name="Other"))
    add_member(group_b, organiser_b.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    member = make_user(person=new_person(given_name="Meg", family_name="Member"))
    add_member(group_a, member.person)  # type: ignore[arg-type]
    ada = new_person(given_name="Ada", family_name="Adams")
    bea = new_person(given_name="Bea", family_name="Brown")
    cal = new_person(given_name="Cal", family_name="Clark")
    add_member(group_a, ada)
    add_member(group_a, cal)
    add_member(group_b, bea)
    add_member(group_b, cal)
    national = make_user(
        Role.NATIONAL_ORGANISER, person=new_person(given_name="Nat", family_name="Zed")
    )
    return Movement(group_a, group_b, organiser_a, organiser_b, member, national, ada, bea, cal)


def saved(owner: User, definition: Any, name: str = "A search", **fields: Any) -> SavedSearch:
    """A stored search, written directly (the actions' checks are tested on their own)."""
    return SavedSearch.objects.create(owner=owner, name=name, definition=definition, **fields)


def event_with_shift(start: datetime, kind: str = "canvass", **fields: Any) -> Shift:
    event = Event.objects.create(title=fields.pop("title", "An event"), kind=kind, **fields)
    return Shift.objects.create(
        event=event, start=start, end=start + timedelta(hours=2), capacity=20
    )


def attend(
    person: Person, shift: Shift, status: str = "accepted", checked_in: bool = False
) -> None:
    now = timezone.now()
    Attendance.objects.create(
        shift=shift,
        person=person,
        status=status,
        queued_at=now,
        action_date=now,
        checked_in_at=shift.start if checked_in else None,
        attended=checked_in,
    )


def question(kind: str = "yes_no_maybe", **fields: Any) -> Question:
    return Question.objects.create(text=fields.pop("text", "Will you come?"), kind=kind, **fields)


def answer(person: Person, asked: Question, value: str = "", text: str = "") -> Answer:
    return Answer.objects.create(
        person=person, question=asked, value=value, text=text, answered_at=timezone.now()
    )


def assignment(owner: User, **fields: Any) -> CallAssignment:
    audience = saved(owner, {"all": []}, name="Call audience")
    return CallAssignment.objects.create(
        name=fields.pop("name", "Ring round"), audience=audience, created_by=owner, **fields
    )


def called(person: Person, owner: User, days_ago: float) -> None:
    CallAttempt.objects.create(
        assignment=assignment(owner),
        person=person,
        outcome="answered",
        at=timezone.now() - timedelta(days=days_ago),
    )


def texted(person: Person, owner: User, days_ago: float, direction: str = "out") -> None:
    audience = saved(owner, {"all": []}, name="Text audience")
    campaign = TextCampaign.objects.create(
        name="Texts", audience=audience, message="Hi", created_by=owner
    )
    conversation = Conversation.objects.create(
        campaign=campaign, person=person, phone="+447700900001"
    )
    TextMessage.objects.create(
        conversation=conversation,
        direction=direction,
        body="Hello",
        at=timezone.now() - timedelta(days=days_ago),
    )
