"""Demo outreach: saved searches, a call bank and a meeting turnout drive for the demo organiser's local group,
and a texting campaign with conversations in every state. Built through the real actions (the queue, outcomes,
sends and webhooks), so what the demo shows is what those actions write; texts go to the console provider's
file (var/sms.log), never to a real provider."""

import random
from datetime import datetime, timedelta
from typing import Any

from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.core.demo.texting import write_texting
from groundswell.events.models import EventKind, Shift
from groundswell.groups.models import Group, Membership
from groundswell.outreach.actions.assignments import AssignmentSpec, create_assignment
from groundswell.outreach.actions.assignments import start_assignment as start_calling
from groundswell.outreach.actions.calls import OutcomeRefused, Report, record_outcome
from groundswell.outreach.actions.questions import QuestionSpec
from groundswell.outreach.actions.queue import serve_next
from groundswell.outreach.actions.turnout import TurnoutSpec, create_turnout_drive
from groundswell.outreach.models import CallAssignment, QuestionKind
from groundswell.people.models import Person, Tag
from groundswell.searches.actions import create_search
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import audience

HELP_OPTIONS = ["Canvassing", "Phone banking", "Leafleting", "Hosting a meeting", "Driving people"]
CALLS = 36  # calls already made on the demo call bank
TURNOUT_CALLS = 24


def write_outreach(rng: random.Random) -> None:
    """Called after events and targets exist. Quietly does nothing if the demo organiser is missing."""
    organiser = User.objects.filter(email="organiser@example.org").first()
    member = User.objects.filter(email="member@example.org").first()
    national = User.objects.filter(email="national@example.org").first()
    if organiser is None or member is None or national is None or organiser.person is None:
        return
    group = _local_group(organiser.person)
    if group is None:
        return
    searches = _searches(organiser, national, group)
    callers = _callers(group, [organiser.person, member.person])
    _call_bank(rng, organiser, group, searches["members"], callers)
    _turnout(rng, organiser, group, callers)
    write_texting(rng, organiser, group, searches["texts"], callers[:2])


def _local_group(person: Person) -> Group | None:
    organised = Membership.objects.filter(
        person=person, role=Membership.Role.ORGANISER, group__kind="local"
    ).select_related("group")
    return max((m.group for m in organised), key=lambda g: g.memberships.count(), default=None)


def _searches(organiser: User, national: User, group: Group) -> dict[str, SavedSearch]:
    members = create_search(
        organiser,
        name=f"{group.name}: members",
        description="Members of the group, for the call bank.",
        definition={"all": [{"filter": "group", "group": group.pk},
                            {"filter": "membership", "status": "member"}]},
        group=group,
    )  # fmt: skip
    texts = create_search(
        organiser,
        name=f"{group.name}: everyone who accepts texts",
        description="Members and supporters of the group with SMS consent.",
        definition={"all": [{"filter": "group", "group": group.pk}, {"filter": "consent", "channel": "sms"}]},
        group=group,
    )  # fmt: skip
    create_search(
        national,
        name="Unite members who accept texts",
        definition={"all": [{"filter": "custom_field", "key": "union", "value": "Unite"},
                            {"filter": "consent", "channel": "sms"}]},
    )  # fmt: skip
    canvasser = Tag.objects.filter(name="canvasser").first()
    if canvasser is not None:
        create_search(
            national,
            name="Lapsed canvassers not called this month",
            definition={"all": [{"filter": "membership", "status": "lapsed"},
                                {"filter": "tag", "tag": canvasser.pk},
                                {"not": {"filter": "contacted_within", "days": 30}}]},
        )  # fmt: skip
    return {"members": members, "texts": texts}


def _callers(group: Group, logins: list[Person | None]) -> list[Person]:
    """The demo organiser and member logins, and three more of the group's members."""
    chosen = [p for p in logins if p is not None]
    others = Person.objects.filter(memberships__group=group).exclude(pk__in=[p.pk for p in chosen])
    return chosen + list(others.order_by("pk")[:3])


def _next_canvass(group: Group) -> Shift | None:
    now = timezone.now()
    return (
        Shift.objects.filter(
            event__host_group=group,
            event__kind=EventKind.CANVASS,
            start__gte=now + timedelta(days=1),
        )
        .order_by("start")
        .first()
    )


def _call_bank(
    rng: random.Random, organiser: User, group: Group, audience: SavedSearch, callers: list[Person]
) -> None:
    canvass = _next_canvass(group)
    questions = [
        QuestionSpec(QuestionKind.MULTIPLE, "How could you help in the next month?", HELP_OPTIONS),
        QuestionSpec(QuestionKind.TEXT, "Anything the group should know?"),
    ]
    if canvass is not None:
        when = timezone.localtime(canvass.start).strftime("%A %-d %B")
        questions.insert(
            0,
            QuestionSpec(
                QuestionKind.EVENT_RSVP, f"Will you canvass with us on {when}?", shift=canvass
            ),
        )
    spec = AssignmentSpec(
        name=f"{group.name}: who can help this month?",
        audience=audience,
        script="Hi, it's (your name) from the local group. We're getting ready for the next few "
        "weeks and I wanted to ask how you might like to help. Have you got two minutes?",
        group=group,
        callers=callers,
        questions=questions,
        goal=0,
        goal_values=["yes", "no"],
    )
    assignment = create_assignment(organiser, spec)
    start_calling(assignment)
    _simulate_calls(rng, assignment, callers, organiser, CALLS)


OUTCOMES = (("answered", 5), ("no_answer", 3), ("voicemail", 2), ("call_back", 1),
            ("wrong_number", 0.5), ("do_not_call", 0.5))  # fmt: skip


def _simulate_calls(
    rng: random.Random, assignment: CallAssignment, callers: list[Person], actor: Any, n: int
) -> None:
    questions = list(assignment.questions.all())
    now = timezone.now()
    for i in range(n):
        caller = callers[i % len(callers)]
        entry = serve_next(assignment, caller, now)
        if entry is None:
            return
        outcome = rng.choices([o for o, _ in OUTCOMES], [w for _, w in OUTCOMES])[0]
        report = Report(outcome=outcome, round=entry.attempts)
        if outcome == "answered":
            report.answers = {f"q{q.pk}": _answer(rng, q) for q in questions}
        elif outcome == "call_back":
            report.call_back_at = now + timedelta(days=rng.randint(1, 5), hours=2)
        try:
            record_outcome(entry, caller, report, actor=actor, now=now)
        except OutcomeRefused:
            continue


def _answer(rng: random.Random, question: Any) -> list[str]:
    if question.kind in (QuestionKind.EVENT_RSVP, QuestionKind.YES_NO_MAYBE):
        return [rng.choices(["yes", "no", "maybe"], [5, 2, 3])[0]]
    if question.kind == QuestionKind.MULTIPLE:
        return rng.sample(list(question.choices), rng.randint(1, 2))
    if question.kind == QuestionKind.TEXT:
        notes = [
            "",
            "",
            "Works shifts: weekends are best.",
            "Can drive two people.",
            "New to the area.",
        ]
        return [rng.choice(notes)]
    return [rng.choice(list(question.choices))]


def _turnout(rng: random.Random, organiser: User, group: Group, callers: list[Person]) -> None:
    """A turnout drive for the group's next AGM or meeting, with some calls made."""
    meeting = (
        Shift.objects.filter(
            event__host_group=group,
            event__kind__in=[EventKind.AGM, EventKind.MEETING],
            start__gte=timezone.now() + timedelta(days=2),
        )
        .order_by("-event__kind", "start")  # an AGM first
        .first()
    )
    if meeting is None:
        return
    spec = TurnoutSpec(
        shift=meeting,
        needed=10,  # set below, once the eligible members are counted
        group=group,
        members_of=group,
        joined_before=_cut_off(meeting.start),
        callers=callers,
    )
    drive = create_turnout_drive(organiser, spec)
    start_calling(drive)
    eligible = audience(drive.audience).count()
    # A contested vote: the winning side needs a good share of those who may come.
    CallAssignment.objects.filter(pk=drive.pk).update(needed=max(10, round(eligible * 0.45)))
    _simulate_calls(rng, drive, callers, organiser, TURNOUT_CALLS)


def _cut_off(start: datetime) -> Any:
    return (timezone.localtime(start) - timedelta(days=28)).date()
