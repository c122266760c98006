"""Results after the close, for each method on a small example; ranked questions are counted by the
counting package, with a recorded seed so every recount, including one from the published papers,
comes out the same."""

from typing import Any

import pytest

from groundswell.democracy.actions import QuestionSpec, cast_vote, count_ballot
from groundswell.democracy.actions.tallies import ranked_election
from groundswell.democracy.counting import Ballot, Election, count
from groundswell.democracy.models import BallotResult, Question
from groundswell.democracy.queries import published_papers, results

from .ballot_helpers import AFTER, VOTING, open_ballot

pytestmark = pytest.mark.django_db


def _vote_all(questions: list[QuestionSpec], papers: list[Any]) -> Any:
    ballot, people = open_ballot(questions, len(papers))
    for person, answer in zip(people, papers, strict=True):
        cast_vote(person, ballot, {1: answer}, VOTING)
    return ballot


@pytest.mark.parametrize(
    "threshold, yes, no, abstain, passed",
    [
        ("simple", 3, 2, 5, True),  # abstentions do not count against
        ("simple", 2, 2, 0, False),  # a tie is not a majority
        ("two_thirds", 4, 2, 3, True),  # exactly two-thirds of yes + no
        ("two_thirds", 3, 2, 0, False),
    ],
)
def test_yes_no_passes_on_its_threshold_of_yes_and_no_votes(
    threshold: str, yes: int, no: int, abstain: int, passed: bool
) -> None:
    motion = QuestionSpec("Adopt?", "yes_no_abstain", threshold=threshold)
    ballot = _vote_all([motion], ["yes"] * yes + ["no"] * no + ["abstain"] * abstain)
    (result,) = results(ballot, AFTER)
    assert result.counts == {"yes": yes, "no": no, "abstain": abstain}
    assert result.passed is passed


def test_choose_one_is_won_by_the_most_votes() -> None:
    venue = QuestionSpec("Venue", "choose_one", options=("Leeds", "Cardiff", "Glasgow"))
    (result,) = results(_vote_all([venue], [2, 2, 1, 3, 2]), AFTER)
    assert result.counts == {"Leeds": 1, "Cardiff": 3, "Glasgow": 1}
    assert result.winners == ("Cardiff",)


def test_approval_counts_every_option_a_voter_approves() -> None:
    days = QuestionSpec("Meeting days", "approval", options=("Mon", "Tue", "Wed"))
    (result,) = results(_vote_all([days], [[1, 2], [2], [3, 2], []]), AFTER)
    assert result.counts == {"Mon": 1, "Tue": 3, "Wed": 1}
    assert result.winners == ("Tue",)
    assert result.papers == 4


def test_instant_runoff_transfers_the_lowest_candidates_papers() -> None:
    chair = QuestionSpec("Chair", "irv", options=("Ann", "Bob", "Cy"))
    # Ann leads on first preferences (4-3-2) but Cy's papers go to Bob, who wins 5-4.
    papers = [[1]] * 4 + [[2, 3]] * 3 + [[3, 2]] * 2
    (result,) = results(_vote_all([chair], papers), AFTER)
    assert result.winners == ("Bob",)
    assert result.ranked is not None and len(result.ranked.stages) == 2


def test_stv_matches_the_counting_module_run_directly() -> None:
    nec = QuestionSpec("Committee", "stv", options=("Ann", "Bob", "Cy", "Di"), seats=2)
    papers = [[1, 2], [1, 2], [1, 3], [1, 2], [2], [3, 4], [4, 3], [4], [3], [2, 1]]
    ballot = _vote_all([nec], papers)
    (result,) = results(ballot, AFTER)
    seed = BallotResult.objects.get(ballot=ballot).seed
    direct = count(
        Election(
            candidates=("Ann", "Bob", "Cy", "Di"),
            seats=2,
            ballots=tuple(Ballot(1, tuple(p)) for p in papers),
        ),
        "scottish",
        seed,
    )
    assert result.ranked is not None
    assert result.ranked.elected == direct.elected
    assert result.ranked.stages == direct.stages
    assert result.winners == tuple(direct.name(c) for c in direct.elected)


def test_anyone_can_recount_from_the_published_papers_with_the_recorded_seed() -> None:
    chair = QuestionSpec("Chair", "irv", options=("Ann", "Bob"))
    ballot = _vote_all([chair], [[1, 2], [2, 1]])  # a tie, decided by lot
    first = results(ballot, AFTER)[0]
    assert results(ballot, AFTER)[0].winners == first.winners
    assert count_ballot(ballot, AFTER, seed=12345)[0].winners == first.winners  # seed is fixed
    question = Question.objects.get(ballot=ballot)
    recount = count(
        ranked_election(question, [p.choices["1"] for p in published_papers(ballot, AFTER)]),
        "irv",
        BallotResult.objects.get(ballot=ballot).seed,
    )
    assert first.ranked is not None and first.ranked.lots  # the tie went to a lot
    assert recount.lots == first.ranked.lots
    assert tuple(recount.name(c) for c in recount.elected) == first.winners
