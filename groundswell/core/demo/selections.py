"""Demo candidate selections, built through the selection's actions: a local council selection
that has run its course (panel decisions, hustings, a counted ballot), one at the panel stage with
the demo organiser on its panel, and a national committee selection open for nominations now, in
which the demo member is standing."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from groundswell.accounts.models import User
from groundswell.democracy.actions import Times, cast_vote, freeze_electorate
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person
from groundswell.selections.actions import (
    SelectionSpec,
    create_hustings,
    create_selection,
    nominate,
    open_selection_ballot,
    record_decision,
    stand,
)
from groundswell.selections.models import Nomination, Selection

STATEMENTS = (
    "I have organised tenants on my estate for six years and won repairs the council had refused for a decade. I will take that fight into the council chamber.",
    "As a nurse and a union rep I have seen what cuts do. I want to be the voice of care workers and patients, and I will hold surgeries every month.",
    "I run our food bank's Saturday shift. Nobody should need one. I will push for free school meals for every child and a living wage for council contractors.",
    "I joined the movement in 2019 and have canvassed in every election since. I will put members first: open meetings, published votes, no backroom deals.",
    "I am a teacher and a parent. Our schools and buses are crumbling; I will campaign for investment here, not in consultants.",
    "I organised the campaign that stopped the library closing. Local people won that, and I will keep organising with them.",
)  # fmt: skip
YES = (
    "Meets every criterion; strong record of local organising.",
    "Clear statement and broad support from members.",
)
NO = ("Did not meet the membership requirement at the date of nomination.",)


@dataclass(frozen=True)
class _AsMember:
    """Stands in for a signed-in member: demo members mostly have no accounts, but the actions
    only ask which person is acting."""

    person_id: int
    is_authenticated: bool = True
    is_active: bool = True
    owns_person: bool = True


def write_selections(rng: random.Random, now: datetime) -> None:
    """Quietly does nothing if the demo's organisers are missing."""
    now = now.replace(minute=0, second=0, microsecond=0)  # a timetable in whole hours
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    organiser, national = users.get("organiser@example.org"), users.get("national@example.org")
    member = users.get("member@example.org")
    if organiser is None or national is None or member is None or organiser.person is None:
        return
    group = _local_group(organiser.person)
    if group is not None:
        _finished(rng, organiser, group, now)
        _at_panel_stage(rng, organiser, group, now)
    _open_now(rng, national, member, now)


def _local_group(person: Person) -> Group | None:
    organised = Membership.objects.filter(
        person=person, role=Membership.Role.ORGANISER, group__kind="local"
    ).select_related("group")
    return max((m.group for m in organised), key=lambda g: g.memberships.count(), default=None)


def _people(
    selection: Selection, rng: random.Random, count: int, skip: set[int]
) -> list[_AsMember]:
    if selection.group_id is not None:
        joined = Membership.objects.filter(group_id=selection.group_id)
        rows = list(joined.values_list("person_id", flat=True))
    else:
        members = Person.objects.filter(membership_status="member")
        rows = list(members.values_list("pk", flat=True)[:2000])
    ids = [pk for pk in rows if pk not in skip]
    rng.shuffle(ids)
    return [_AsMember(pk) for pk in ids[:count]]


def _nominations(
    selection: Selection, candidates: list[_AsMember], backers: list[_AsMember], at: datetime
) -> list[Nomination]:
    """Each candidate stands; all but the last get enough nominators to be valid."""
    made = []
    for i, candidate in enumerate(candidates):
        nomination = stand(candidate, selection, STATEMENTS[i % len(STATEMENTS)], at)
        wanted = selection.nominators_required + (1 if i % 2 else 3)
        if i == len(candidates) - 1:
            wanted = max(0, selection.nominators_required - 1)
        for backer in [b for b in backers if b.person_id != candidate.person_id][:wanted]:
            nominate(backer, nomination, at + timedelta(hours=i + 1))
        made.append(nomination)
    return made


def _decide(
    rng: random.Random, panellist: _AsMember, nominations: list[Nomination], at: datetime
) -> list[Nomination]:
    """Longlist every valid nomination, shortlist all but one of them; the shortlisted."""
    valid = [n for n in nominations if n.nominators.count() >= n.selection.nominators_required]
    for n in valid:
        record_decision(panellist, n, "longlist", True, rng.choice(YES), at)
        n.refresh_from_db()
    for i, n in enumerate(valid):
        keep = i < len(valid) - 1 or len(valid) <= 2
        reason = (
            rng.choice(YES) if keep else "Strong candidate, but others showed more local support."
        )
        record_decision(panellist, n, "shortlist", keep, reason, at + timedelta(days=1))
    return valid[:-1] if len(valid) > 2 else valid


def _finished(rng: random.Random, organiser: User, group: Group, now: datetime) -> None:
    opens = now - timedelta(days=70)
    spec = SelectionSpec(f"Council candidate, {group.name}"[:200], opens, opens + timedelta(days=14),
                         3, "irv", 1, "Our candidate for next May's council elections.")  # fmt: skip
    selection = create_selection(organiser, spec, group=group)
    people = _people(selection, rng, 30, {organiser.person_id or 0})
    if len(people) < 16:
        return
    selection.panel.add(people[0].person_id, people[1].person_id)
    nominations = _nominations(selection, people[2:6], people[6:], opens + timedelta(days=2))
    closed = selection.nominations_close
    shortlisted = _decide(rng, people[0], nominations, closed + timedelta(days=1))
    start = (closed + timedelta(days=7)).replace(hour=18)  # 18:00 UTC: evening in the UK
    create_hustings(organiser, selection, (start, start + timedelta(hours=2), 120),
                    online_url="https://meet.example.org/hustings", venue="Online")  # fmt: skip
    if len(shortlisted) < 2:
        return
    times = Times(
        closed + timedelta(days=8), closed + timedelta(days=9), closed + timedelta(days=16)
    )
    ballot = open_selection_ballot(organiser, selection, times, closed + timedelta(days=3))
    freeze_electorate(ballot, times.cut_off + timedelta(minutes=1))
    options = list(range(1, len(shortlisted) + 1))
    electors = list(Person.objects.filter(ballot_entries__ballot=ballot).order_by("pk"))
    for voter in rng.sample(electors, int(len(electors) * 0.7)):
        ranking = rng.sample(options, rng.randint(1, len(options)))
        cast_vote(voter, ballot, {1: ranking}, times.opens_at + timedelta(hours=3))


def _at_panel_stage(rng: random.Random, organiser: User, group: Group, now: datetime) -> None:
    opens = now - timedelta(days=20)
    spec = SelectionSpec(f"Branch delegates to conference, {group.name}"[:200], opens,
                         now - timedelta(days=2), 2, "stv", 2,
                         "Two delegates to represent the branch at annual conference.")  # fmt: skip
    selection = create_selection(organiser, spec, group=group)
    assert organiser.person_id is not None
    selection.panel.add(organiser.person_id)
    people = _people(selection, rng, 20, {organiser.person_id})
    if len(people) < 12:
        return
    nominations = _nominations(selection, people[:4], people[4:], opens + timedelta(days=3))
    record_decision(
        organiser, nominations[0], "longlist", True, rng.choice(YES), now - timedelta(days=1)
    )
    record_decision(organiser, nominations[-1], "longlist", False, NO[0], now - timedelta(days=1))


def _open_now(rng: random.Random, national: User, member: User, now: datetime) -> None:
    opens = now - timedelta(days=5)
    spec = SelectionSpec("National Executive Committee, members' section", opens,
                         now + timedelta(days=16), 5, "stv", 3,
                         "Three members' seats on the National Executive Committee.")  # fmt: skip
    selection = create_selection(national, spec)
    people = _people(selection, rng, 60, {member.person_id or 0})
    if len(people) < 20:
        return
    if national.person_id is not None:
        selection.panel.add(national.person_id, people[0].person_id)
    candidates = people[1:5]
    if member.person_id is not None and member.owns_person:
        candidates.insert(0, _AsMember(member.person_id))
    _nominations(selection, candidates, people[10:], opens + timedelta(days=1))
