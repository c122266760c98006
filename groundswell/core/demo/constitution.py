"""Demo constitution drafting: the national constitution with its amendment window open (amendments
gathering seconders, one for the demo member to second), and a local group's standing orders that
have been through a ballot, so version 2 and each clause's history are there to read. Built through
the real actions, including cast votes on a real ballot."""

import random
from datetime import datetime, timedelta

from groundswell.accounts.models import User
from groundswell.constitution.actions import (
    DocumentSpec,
    apply_results,
    create_document,
    propose_amendment,
    put_amendments_to_vote,
    second_amendment,
)
from groundswell.constitution.eligibility import eligible_people, organises
from groundswell.constitution.models import Clause, Document
from groundswell.democracy.actions import Times, cast_vote, freeze_electorate
from groundswell.democracy.models import Elector
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person

CONSTITUTION = """1. The movement is called Groundswell.

2. Its aim is a fairer country, won by organising people where they live and work.

3. Anyone who supports the aim and pays the yearly subscription may be a member.

4. Conference is the sovereign body of the movement and meets at least once a year.

5. Between conferences the movement is run by a national committee of nine members, elected by all members.

6. Local groups organise in their area and elect their own organisers each year.

7. This constitution may be amended by a two-thirds majority of members voting in a ballot."""

STANDING_ORDERS = """1. The group meets at least once a month.

2. Meetings are chaired by an organiser.

3. A quorum is five members.

4. Minutes are kept and shared with members within a week."""

NATIONAL_AMENDMENTS = [
    (5, "replace", "Between conferences the movement is run by a national committee of eleven "
     "members, elected by all members, at least half of them women.", "A bigger, balanced committee."),
    (3, "insert", "Members on low incomes may pay a reduced subscription.", "Money should be no bar."),
    (6, "replace", "Local groups organise in their area and elect their own organisers every two "
     "years.", "Organisers need time to build."),
]  # fmt: skip
LOCAL_AMENDMENTS = [
    (3, "replace", "A quorum is seven members.", "Decisions need more voices."),
    (2, "insert", "Any member may ask for an item to be put on the agenda.", "Open agendas."),
    (1, "delete", "", "Meet when there is business."),
]


def write_constitution(rng: random.Random, now: datetime) -> None:
    """Quietly does nothing if the demo logins are missing."""
    national = User.objects.filter(email="national@example.org").first()
    organiser = User.objects.filter(email="organiser@example.org").first()
    if national is None or organiser is None:
        return
    _national_constitution(rng, national, now)
    group = _organised_group(organiser)
    if group is not None:
        _standing_orders(rng, organiser if _may_run(organiser, group) else national, group, now)


def _national_constitution(rng: random.Random, national: User, now: datetime) -> None:
    spec = DocumentSpec("Groundswell constitution", CONSTITUTION, now - timedelta(days=5),
                        now + timedelta(days=9), seconders_required=3)  # fmt: skip
    document = create_document(national, spec, now - timedelta(days=6))
    demo_member = User.objects.filter(email="member@example.org").values_list(
        "person_id", flat=True
    )
    # The demo member proposes and seconds nothing yet, so every button is there for them to try.
    members = list(eligible_people(document).exclude(pk__in=demo_member).order_by("pk")[:400])
    for i, amendment in enumerate(NATIONAL_AMENDMENTS):
        # The last amendment is one seconder short, for the demo member to second.
        _amend(rng, document, members, amendment, now - timedelta(days=4 - i), 3 - (i == 2))


def _standing_orders(rng: random.Random, runner: User, group: Group, now: datetime) -> None:
    spec = DocumentSpec(f"{group.name}: standing orders", STANDING_ORDERS, now - timedelta(days=40),
                        now - timedelta(days=30), threshold="simple", seconders_required=1,
                        group=group)  # fmt: skip
    document = create_document(runner, spec, now - timedelta(days=41))
    members = list(eligible_people(document).order_by("pk"))
    if len(members) < 2:
        return
    for amendment in LOCAL_AMENDMENTS:
        _amend(rng, document, members, amendment, now - timedelta(days=35), 1)
    cut_off, opens = now - timedelta(days=29), now - timedelta(days=28)
    times = Times(cut_off, opens, now - timedelta(days=21))
    ballot = put_amendments_to_vote(runner, document, times, now - timedelta(days=30))
    freeze_electorate(ballot, cut_off + timedelta(hours=1))
    electors = Elector.objects.filter(ballot=ballot).select_related("person").order_by("pk")
    for i, entry in enumerate(electors):
        # Everyone votes in a small group; the first voter backs the first two amendments, so even
        # a tiny demo group shows a version 2.
        if i < 3 or rng.random() < 0.6:
            at = opens + timedelta(hours=rng.randint(1, 160))
            cast_vote(entry.person, ballot, _answers(rng, i == 0), at)
    apply_results(runner, document, now - timedelta(days=20))


def _answers(rng: random.Random, keen: bool) -> dict[int, str]:
    leaning = {1: 0.8, 2: 0.75, 3: 0.3}  # the share voting yes to each question
    return {
        q: "yes" if (keen and q < 3) or rng.random() < p else rng.choice(["no", "abstain"])
        for q, p in leaning.items()
    }


def _amend(rng: random.Random, document: Document, members: list[Person],
           amendment: tuple[int, str, str, str], at: datetime, seconders: int) -> None:  # fmt: skip
    number, kind, text, reason = amendment
    clause = Clause.objects.get(document=document, texts__version__number=1, texts__number=number)
    proposer, *backers = rng.sample(members, min(len(members), seconders + 1))
    proposed = propose_amendment(proposer, clause, kind, text, reason, at)
    for backer in backers:
        second_amendment(backer, proposed, at + timedelta(hours=rng.randint(1, 48)))


def _organised_group(organiser: User) -> Group | None:
    if organiser.person_id is None:
        return None
    organised = Membership.objects.filter(
        person_id=organiser.person_id, role=Membership.Role.ORGANISER, group__kind="local"
    ).select_related("group")
    return max((m.group for m in organised), key=lambda g: g.memberships.count(), default=None)


def _may_run(user: User, group: Group) -> bool:
    return organises(user, Document(group=group))
