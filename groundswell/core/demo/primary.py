"""Demo Policy Primaries, built through the primary's actions: a local group's primary that has run
its course (shortlisted, voted on, motions ready to download), and a national one open for
proposals now, with support, an amendment, a hidden proposal and a compositing offer waiting."""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from groundswell.accounts.models import User
from groundswell.democracy.actions import Times, cast_vote, freeze_electorate
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person
from groundswell.primary.actions import (
    PrimarySpec,
    amend_proposal,
    create_primary,
    hide_proposal,
    propose_composite,
    shortlist_and_open_ballot,
    submit_proposal,
    support_proposal,
)
from groundswell.primary.models import Primary, Proposal

CATEGORIES = ("Economy", "Housing", "Climate", "Health", "Democracy")
IDEAS = (
    ("Economy", "Bring water back into public ownership", "Water companies have paid out billions in dividends while pumping sewage into our rivers. We call for water to be run as a public service, with profits reinvested in pipes and treatment."),
    ("Economy", "A £15 minimum wage for every worker", "No one in work should need a food bank. We call for a statutory minimum wage of £15 an hour for all workers aged 16 and over."),
    ("Housing", "Cap private rents", "Rents have risen far faster than wages. We call for rent rises to be capped at inflation and for open-ended tenancies for every private renter."),
    ("Housing", "Build 150,000 council homes a year", "We call for councils to be funded and allowed to borrow to build 150,000 social rent homes a year, to high energy standards."),
    ("Climate", "Free buses for under-25s", "Cheap, reliable buses cut emissions and open up work and education. We call for free bus travel for everyone under 25."),
    ("Climate", "Insulate every home by 2035", "A street-by-street retrofit programme, led by councils, would cut bills and emissions and create skilled jobs in every town."),
    ("Health", "Restore free NHS dentistry", "Millions cannot find an NHS dentist. We call for a new dental contract that makes NHS dentistry free at the point of use again."),
    ("Health", "Fund mental health services equally", "We call for mental health services to receive funding in proportion to need, with waiting times no longer than for physical care."),
    ("Democracy", "Proportional representation for Westminster", "Every vote should count equally. We call for a proportional voting system for general elections."),
    ("Democracy", "Votes at 16", "Sixteen-year-olds can work and pay tax. We call for the voting age to be lowered to 16 in every election."),
    ("Economy", "Public ownership of water and energy", "We call for water and energy networks to be brought into democratic public ownership."),
    ("Housing", "End no-fault evictions now", "We call for Section 21 no-fault evictions to be abolished without further delay."),
)  # fmt: skip


@dataclass(frozen=True)
class _AsMember:
    """Stands in for a signed-in member: demo members mostly have no accounts, but the actions
    only ask which person is acting."""

    person_id: int
    is_authenticated: bool = True
    is_active: bool = True
    owns_person: bool = True


def write_primary(rng: random.Random, now: datetime) -> None:
    """Quietly does nothing if the demo's organisers are missing."""
    users = {u.email: u for u in User.objects.filter(email__endswith="@example.org")}
    organiser, national = users.get("organiser@example.org"), users.get("national@example.org")
    member = users.get("member@example.org")
    if organiser is None or national is None or member is None or organiser.person is None:
        return
    group = _local_group(organiser.person)
    if group is not None:
        _finished(rng, organiser, group, now)
    _open_now(rng, national, member, now)


def _local_group(person: Person) -> Group | None:
    organised = Membership.objects.filter(
        person=person, role=Membership.Role.ORGANISER, group__kind="local"
    ).select_related("group")
    return max((m.group for m in organised), key=lambda g: g.memberships.count(), default=None)


def _members(primary: Primary, rng: random.Random, count: int) -> list[_AsMember]:
    if primary.group_id is not None:
        ids = list(
            Membership.objects.filter(group_id=primary.group_id).values_list("person_id", flat=True)
        )
    else:
        ids = list(
            Person.objects.filter(membership_status="member").values_list("pk", flat=True)[:2000]
        )
    rng.shuffle(ids)
    return [_AsMember(pk) for pk in ids[:count]]


def _propose(
    primary: Primary, authors: list[_AsMember], ideas: list[tuple[str, str, str]], at: datetime
) -> list[Proposal]:
    return [
        submit_proposal(a, primary, title, text, cat, at)
        for a, (cat, title, text) in zip(authors, ideas, strict=False)
    ]


def _support(
    rng: random.Random, proposals: list[Proposal], backers: list[_AsMember], at: datetime
) -> None:
    for proposal in proposals:
        share = rng.uniform(0.05, 0.6)
        for backer in backers:
            if rng.random() < share and not proposal.authored_by(backer.person_id):
                support_proposal(backer, proposal, at)


def _finished(rng: random.Random, organiser: User, group: Group, now: datetime) -> None:
    opens = now - timedelta(days=60)
    spec = PrimarySpec(title=f"{group.name}: motions for regional conference", opens_at=opens,
                       closes_at=opens + timedelta(days=20), categories=CATEGORIES,
                       threshold_kind="number", threshold_value=3, method="approval", winners=2,
                       description="Our group sends two motions to regional conference.")  # fmt: skip
    primary = create_primary(organiser, spec, group=group)
    people = _members(primary, rng, 40)
    if len(people) < 10:
        return
    proposals = _propose(primary, people[:5], list(IDEAS[:5]), opens + timedelta(days=2))
    _support(rng, proposals, people[5:], opens + timedelta(days=5))
    for p in proposals[:3]:  # make sure there is a shortlist
        for backer in people[5:9]:
            if not p.supports.filter(person_id=backer.person_id).exists():
                support_proposal(backer, p, opens + timedelta(days=6))
    closed = primary.closes_at
    times = Times(
        closed + timedelta(hours=2), closed + timedelta(days=1), closed + timedelta(days=8)
    )
    ballot = shortlist_and_open_ballot(
        organiser, primary, times, closed + timedelta(hours=1)
    ).ballot
    freeze_electorate(ballot, times.cut_off + timedelta(minutes=1))
    options = ballot.questions.get().options.count()
    electors = list(Person.objects.filter(ballot_entries__ballot=ballot).order_by("pk"))
    for voter in rng.sample(electors, int(len(electors) * 0.7)):
        picks = sorted(rng.sample(range(1, options + 1), rng.randint(1, options)))
        cast_vote(voter, ballot, {1: picks}, times.opens_at + timedelta(hours=3))


def _open_now(rng: random.Random, national: User, member: User, now: datetime) -> None:
    opens = now - timedelta(days=7)
    spec = PrimarySpec(title="National conference 2027: policy primary", opens_at=opens,
                       closes_at=now + timedelta(days=14), categories=CATEGORIES,
                       threshold_kind="percent", threshold_value=2, method="stv", winners=3,
                       description="Every member may propose policy for national conference. Proposals backed by 2% of members go to a ranked ballot; three become conference motions.")  # fmt: skip
    primary = create_primary(national, spec)
    people = _members(primary, rng, 120)
    authors = [a for a in people if a.person_id != member.person_id][: len(IDEAS) - 1]
    members = Person.objects.filter(membership_status="member")
    if (
        member.person_id is not None
        and member.owns_person
        and members.filter(pk=member.person_id).exists()
    ):
        authors.insert(0, _AsMember(member.person_id))
    proposals = _propose(primary, authors, list(IDEAS), opens + timedelta(days=1))
    _support(rng, proposals, people[10:], opens + timedelta(days=3))
    first = proposals[0]
    amended = first.text + " Bills should be capped while the transfer happens."
    amend_proposal(
        authors[0], first, first.title, amended, first.category, opens + timedelta(days=4)
    )
    if len(proposals) == len(IDEAS):
        reason = "Already party policy (conference 2024); see the policy handbook, section 4."
        hide_proposal(national, proposals[-1], reason)
        merged = (
            "Water and energy in public hands",
            f"{amended}\n\n{proposals[10].text}",
            "Economy",
        )
        propose_composite(national, first, proposals[10], merged, now - timedelta(days=1))
