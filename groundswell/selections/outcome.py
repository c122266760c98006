"""The selection's result, once its ballot has closed: the winning nominations, in the order the
count elected them, found through each nomination's recorded ballot position."""

from dataclasses import dataclass
from datetime import datetime

from groundswell.democracy.actions import ResultsNotYet
from groundswell.democracy.models import Option
from groundswell.democracy.queries import results
from groundswell.selections.models import Nomination, Selection


@dataclass(frozen=True)
class Outcome:
    winners: list[Nomination]
    papers: int


def selection_outcome(selection: Selection, now: datetime) -> Outcome | None:
    """None until there is a ballot and it has closed: nothing is published before the close."""
    if selection.ballot is None or now < selection.ballot.closes_at:
        return None
    try:
        question = results(selection.ballot, now)[0]
    except ResultsNotYet:
        return None
    positions = dict(
        Option.objects.filter(question__ballot=selection.ballot, question__position=1).values_list(
            "label", "position"
        )
    )
    by_position = {
        n.ballot_position: n
        for n in selection.nominations.filter(ballot_position__isnull=False).select_related(
            "candidate"
        )
    }
    winners = [by_position[positions[label]] for label in question.winners]
    return Outcome(winners=winners, papers=question.papers)
