"""Demo ballots of all members: the national committee election open now (STV, with a yes/no rule
change beside it), where member@example.org has yet to vote, and last month's campaign-priority
ballot (instant runoff), closed and counted. Votes are cast through cast_vote, so the papers,
receipts and results are what real voting writes."""

import random
from datetime import datetime, timedelta

from groundswell.accounts.models import User
from groundswell.democracy.actions import (
    QuestionSpec,
    Times,
    cast_vote,
    create_ballot,
    freeze_electorate,
)
from groundswell.democracy.models import Ballot, Method, Threshold
from groundswell.democracy.queries import results
from groundswell.people.models import Person

COMMITTEE = ("Aisha Rahman", "Callum Fraser", "Bronwen Evans", "Tomasz Nowak", "Grace Okafor", "Liam Doherty")  # fmt: skip
PRIORITIES = ("Warm homes", "Public transport", "Fair pay at work", "Local hospitals", "Clean rivers")  # fmt: skip
VOTERS = 400  # papers cast on each demo ballot, at most


def write_ballots(rng: random.Random, now: datetime) -> None:
    """Quietly does nothing if the demo's national organiser is missing."""
    national = User.objects.filter(email="national@example.org").first()
    if national is None:
        return
    member = User.objects.filter(email="member@example.org").first()
    keep_for = member.person_id if member else None
    _committee_election(rng, national, now, keep_for)
    _campaign_priority(rng, national, now)


def _committee_election(
    rng: random.Random, national: User, now: datetime, keep_for: int | None
) -> None:
    times = Times(now - timedelta(days=10), now - timedelta(days=3), now + timedelta(days=4))
    questions = [
        QuestionSpec(
            "Elect three members of the national committee", Method.STV, COMMITTEE, seats=3
        ),  # fmt: skip
        QuestionSpec(
            "Adopt the revised code of conduct?",
            Method.YES_NO_ABSTAIN,
            threshold=Threshold.TWO_THIRDS,
        ),  # fmt: skip
    ]
    description = "Rank as many candidates as you like, in order. Counted by the Scottish STV rule."
    ballot = create_ballot(national, "National committee election 2026", times, questions, description=description)  # fmt: skip
    voters = _frozen(ballot, times, exclude=keep_for)
    for voter in rng.sample(voters, min(len(voters) * 2 // 5, VOTERS)):
        answer = "yes" if rng.random() < 0.72 else rng.choice(["no", "abstain"])
        cast_vote(voter, ballot, {1: _ranking(rng, len(COMMITTEE)), 2: answer}, now - timedelta(days=1))  # fmt: skip


def _campaign_priority(rng: random.Random, national: User, now: datetime) -> None:
    times = Times(now - timedelta(days=45), now - timedelta(days=40), now - timedelta(days=30))
    questions = [QuestionSpec("Our national campaign for 2026", Method.IRV, PRIORITIES)]
    ballot = create_ballot(national, "Campaign priority 2026", times, questions)
    voters = _frozen(ballot, times)
    for voter in rng.sample(voters, min(len(voters) * 3 // 5, VOTERS)):
        cast_vote(voter, ballot, {1: _ranking(rng, len(PRIORITIES))}, times.opens_at + timedelta(days=2))  # fmt: skip
    results(ballot, now)  # counted once closed, recording the seed


def _frozen(ballot: Ballot, times: Times, exclude: int | None = None) -> list[Person]:
    freeze_electorate(ballot, times.cut_off + timedelta(minutes=5))
    electors = Person.objects.filter(ballot_entries__ballot=ballot)
    if exclude is not None:
        electors = electors.exclude(pk=exclude)
    return list(electors.order_by("pk"))


def _ranking(rng: random.Random, options: int) -> list[int]:
    """A preference order with some candidates more popular than others, often cut short."""
    # Close enough in popularity that no one wins on first preferences alone: the count has stages.
    weights = {i: rng.random() * (1 - i / (options * 2.5)) for i in range(1, options + 1)}
    order = sorted(weights, key=lambda i: -weights[i])
    return order[: rng.choice([1, 2, 3, 3, 4, options])]
