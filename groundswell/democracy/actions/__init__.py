"""Every write to ballots: creating one, freezing its electorate, casting a vote, counting it."""

from groundswell.democracy.actions.answers import VoteRefused
from groundswell.democracy.actions.counting import ResultsNotYet, count_ballot
from groundswell.democracy.actions.creating import BallotError, QuestionSpec, Times, create_ballot
from groundswell.democracy.actions.electorate import (
    ElectorateError,
    freeze_due_electorates,
    freeze_electorate,
)
from groundswell.democracy.actions.voting import cast_vote

__all__ = [
    "BallotError",
    "ElectorateError",
    "QuestionSpec",
    "ResultsNotYet",
    "Times",
    "VoteRefused",
    "cast_vote",
    "count_ballot",
    "create_ballot",
    "freeze_due_electorates",
    "freeze_electorate",
]
