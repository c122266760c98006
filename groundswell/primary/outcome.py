"""The primary's outcome once its ballot has closed: the winning proposals, as conference motions."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Count

from groundswell.democracy.actions import ResultsNotYet
from groundswell.democracy.actions.tallies import QuestionResult
from groundswell.democracy.models import Method, Option
from groundswell.democracy.queries import results
from groundswell.primary.models import Primary, Proposal


@dataclass(frozen=True)
class Motion:
    number: int
    title: str
    category: str
    authors: str
    text: str
    support: int
    votes: int | None  # approvals, for an approval ballot; None for ranked ballots


def winning_motions(primary: Primary, now: datetime) -> list[Motion]:
    """The winners in order (order of election, or most approvals first). Raises ResultsNotYet
    until the ballot has closed."""
    if primary.ballot is None:
        raise ResultsNotYet("The shortlist ballot has not been set up yet.")
    result = results(primary.ballot, now)[0]
    positions = dict(
        Option.objects.filter(question__ballot=primary.ballot).values_list("label", "position")
    )
    proposals = {
        p.ballot_position: p
        for p in primary.proposals.filter(shortlisted=True)
        .select_related("author", "co_author")
        .annotate(support_count=Count("supports"))
    }
    labels = _winning_labels(primary, result)
    return [
        _motion(n, proposals[positions[label]], result.counts.get(label))
        for n, label in enumerate(labels, start=1)
    ]


def _winning_labels(primary: Primary, result: QuestionResult) -> list[str]:
    """Ranked ballots elect their winners. Approval takes the most approved, as many as there
    are places; a tie for the last place takes all the tied proposals (shown, never drawn)."""
    if result.method != Method.APPROVAL:
        return list(result.winners)
    ordered = sorted(result.counts.items(), key=lambda item: -item[1])
    if not ordered or ordered[0][1] == 0:
        return []
    last = ordered[min(primary.winners, len(ordered)) - 1][1]
    return [label for label, n in ordered if n >= max(last, 1)]


def _motion(number: int, proposal: Proposal, votes: int | None) -> Motion:
    authors = " and ".join(
        p.full_name for p in (proposal.author, proposal.co_author) if p is not None
    )
    support: int = proposal.support_count  # type: ignore[attr-defined]
    return Motion(number, proposal.title, proposal.category, authors, proposal.text, support, votes)
