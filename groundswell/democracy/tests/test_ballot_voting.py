"""cast_vote: only the frozen electorate votes, once, unchangeably, with valid answers, while open."""

from datetime import date, timedelta
from typing import Any

import pytest

from groundswell.democracy.actions import VoteRefused, cast_vote, count_ballot, create_ballot
from groundswell.democracy.actions.receipts import receipt_hash
from groundswell.democracy.models import BallotPaper, Elector
from groundswell.democracy.queries import ResultsNotYet, has_voted, results, turnout

from .ballot_helpers import (
    AFTER,
    CLOSES,
    OPENS,
    PICK,
    TIMES,
    VOTING,
    YES_NO,
    member,
    national_organiser,
    open_ballot,
)

pytestmark = pytest.mark.django_db


def test_an_elector_votes_and_gets_a_receipt_matching_their_paper() -> None:
    ballot, (ada,) = open_ballot([YES_NO, PICK], 1)
    code = cast_vote(ada, ballot, {1: "yes", 2: 3}, VOTING)
    paper = BallotPaper.objects.get(ballot=ballot)
    assert paper.choices == {"1": "yes", "2": 3}
    assert paper.receipt_hash == receipt_hash(code)
    assert has_voted(ada, ballot)


def test_a_ballot_whose_electorate_was_never_frozen_says_so_and_takes_no_vote() -> None:
    ada = member()
    ballot = create_ballot(national_organiser(), "Unfrozen", TIMES, [YES_NO])
    with pytest.raises(VoteRefused, match="has not been frozen"):
        cast_vote(ada, ballot, {1: "yes"}, VOTING)
    assert BallotPaper.objects.count() == 0


def test_someone_who_became_a_member_after_the_cut_off_cannot_vote() -> None:
    ballot, _ = open_ballot([YES_NO], 2)
    latecomer = member(joined=date(2026, 3, 2))
    with pytest.raises(VoteRefused, match="not on this ballot's electorate"):
        cast_vote(latecomer, ballot, {1: "yes"}, VOTING)
    assert BallotPaper.objects.count() == 0


def test_a_second_vote_is_refused_and_the_first_stands_unchanged() -> None:
    ballot, (ada,) = open_ballot([YES_NO], 1)
    cast_vote(ada, ballot, {1: "yes"}, VOTING)
    with pytest.raises(VoteRefused, match="already voted"):
        cast_vote(ada, ballot, {1: "no"}, VOTING)
    assert list(BallotPaper.objects.values_list("choices", flat=True)) == [{"1": "yes"}]


@pytest.mark.parametrize(
    "answers, message",
    [
        ({1: "maybe", 2: 1}, "answer yes, no or abstain"),
        ({1: "yes", 2: 4}, "choose one of the options"),
        ({1: "yes", 2: True}, "choose one of the options"),
        ({1: "yes"}, "Question 2 has no answer"),
        ({1: "yes", 2: 1, 3: 1}, "no question 3"),
    ],
)
def test_bad_answers_are_refused_and_nothing_is_written(
    answers: dict[int, Any], message: str
) -> None:
    ballot, (ada,) = open_ballot([YES_NO, PICK], 1)
    with pytest.raises(VoteRefused, match=message):
        cast_vote(ada, ballot, answers, VOTING)
    assert BallotPaper.objects.count() == 0
    assert not Elector.objects.get(person=ada).voted
    cast_vote(ada, ballot, {1: "no", 2: 1}, VOTING)  # and they can still vote properly


@pytest.mark.parametrize(
    "answer, message",
    [
        ([], "rank at least one"),
        ([1, 1], "at most once"),
        ([1, 9], "only options"),
        (2, "only options"),
    ],
)
def test_rankings_must_name_distinct_options(answer: Any, message: str) -> None:
    from groundswell.democracy.actions import QuestionSpec

    ranked = QuestionSpec("Chair", "irv", options=("Ann", "Bob", "Cy"))
    ballot, (ada,) = open_ballot([ranked], 1)
    with pytest.raises(VoteRefused, match=message):
        cast_vote(ada, ballot, {1: answer}, VOTING)
    assert BallotPaper.objects.count() == 0


@pytest.mark.parametrize("moment", [OPENS.replace(hour=0), CLOSES, AFTER])
def test_votes_are_refused_outside_the_voting_window(moment: Any) -> None:
    ballot, (ada,) = open_ballot([YES_NO], 1)
    with pytest.raises(VoteRefused, match="not open"):
        cast_vote(ada, ballot, {1: "yes"}, moment)
    assert not has_voted(ada, ballot)


def test_organisers_see_turnout_while_open_but_results_are_refused_until_the_close() -> None:
    ballot, people = open_ballot([YES_NO], 4)
    for person in people[:3]:
        cast_vote(person, ballot, {1: "yes"}, VOTING)
    assert (turnout(ballot).voted, turnout(ballot).electorate) == (3, 4)
    assert turnout(ballot).share == 0.75
    with pytest.raises(ResultsNotYet):
        results(ballot, VOTING)
    with pytest.raises(ResultsNotYet):
        count_ballot(ballot, CLOSES - timedelta(seconds=1))
    assert results(ballot, AFTER)[0].counts == {"yes": 3, "no": 0, "abstain": 0}
