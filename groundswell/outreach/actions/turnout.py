"""Meeting turnout: a call assignment made for one AGM or selection meeting. Its audience is a saved
search of the members eligible to attend; its one question, "Will you come?", signs up those who say
yes; anyone who has answered it is done with."""

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone

from groundswell.events.models import EventKind, EventStatus, Shift
from groundswell.geo.models import Constituency
from groundswell.groups.models import Group
from groundswell.outreach.actions.assignments import (
    AssignmentError,
    AssignmentSpec,
    QuestionSpec,
    create_assignment,
)
from groundswell.outreach.models import AssignmentKind, CallAssignment, QuestionKind
from groundswell.people.models import Person
from groundswell.searches.models import SavedSearch

MEETING_KINDS = (EventKind.AGM, EventKind.MEETING)


@dataclass
class TurnoutSpec:
    shift: Shift  # the meeting (its event) and when
    needed: int  # how many must come to win
    group: Group | None  # the organising group: its organisers share the drive
    constituency: Constituency | None = None  # eligible: members in this seat…
    members_of: Group | None = None  # …or in this group
    joined_before: date | None = None  # …who joined before the cut-off
    callers: list[Person] = field(default_factory=list)
    name: str = ""
    script: str = ""


def eligibility(spec: TurnoutSpec) -> dict[str, Any]:
    """The saved-search definition of who may attend and vote."""
    rules: list[dict[str, Any]] = [{"filter": "membership", "status": "member"}]
    if spec.constituency is not None:
        rules.append({"filter": "constituency", "constituency": spec.constituency.pk})
    if spec.members_of is not None:
        rules.append({"filter": "group", "group": spec.members_of.pk})
    if spec.joined_before is not None:
        rules.append({"filter": "joined", "after": None, "before": spec.joined_before.isoformat()})
    return {"all": rules}


def meeting_when(shift: Shift) -> str:
    return timezone.localtime(shift.start).strftime("%A %-d %B at %H:%M")


@transaction.atomic
def create_turnout_drive(user: Any, spec: TurnoutSpec) -> CallAssignment:
    """A draft turnout assignment, with its eligibility search and its "Will you come?" question."""
    event = _checked(spec)
    when = meeting_when(spec.shift)
    search = SavedSearch.objects.create(
        name=f"Eligible for {event.title}"[:200],
        description=f"Members who may attend {event.title}, {when}"[:300],
        definition=eligibility(spec),
        owner=user,
        group=spec.group,
    )
    question = QuestionSpec(
        QuestionKind.EVENT_RSVP,
        f"Will you come to {event.title} on {when}?"[:300],
        shift=spec.shift,
    )
    script = spec.script.strip() or _default_script(event.title, when)
    details = AssignmentSpec(
        name=spec.name.strip() or f"Turnout: {event.title}", audience=search, script=script,
        group=spec.group, callers=spec.callers, questions=[question], goal=0,
    )  # fmt: skip
    return create_assignment(
        user, details, kind=AssignmentKind.TURNOUT, event=event, needed=spec.needed
    )


def _checked(spec: TurnoutSpec) -> Any:
    event = spec.shift.event
    if event.kind not in MEETING_KINDS:
        raise AssignmentError(
            "Turnout drives are for meetings: AGMs, selection meetings and the like."
        )
    if event.status == EventStatus.CANCELLED or spec.shift.start <= timezone.now():
        raise AssignmentError(f"{event.title} is cancelled or has already started.")
    if not 1 <= spec.needed <= 1_000_000:
        raise AssignmentError("Say how many people must come to win (at least 1).")
    if spec.joined_before is not None and spec.joined_before > timezone.localdate(spec.shift.start):
        raise AssignmentError("The cut-off date for joining must be on or before the meeting.")
    return event


def _default_script(title: str, when: str) -> str:
    return (
        "Hello, is that {given_name}? I'm {caller_name}, a volunteer with the movement. "
        f"I'm calling members about {title} on {when}. The members who come decide it, and every "
        "vote counts. Can we count on you to be there?"
    )
