"""Shortlisting, after the window closes: proposals with enough support go onto a ballot of the
eligible members, in a recorded order (most supported first), one option each."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Count

from groundswell.democracy.actions import BallotError, QuestionSpec, Times, create_ballot
from groundswell.democracy.models import Ballot
from groundswell.primary.actions.checks import require_not_shortlisted, require_organiser
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.eligibility import required_support
from groundswell.primary.models import Primary, Proposal, VotingMethod

QUESTION = "Which proposals should go to conference as motions?"


@dataclass(frozen=True)
class Shortlist:
    required: int
    proposals: Sequence[Proposal]
    ballot: Ballot


def shortlist_and_open_ballot(
    user: Any, primary: Primary, times: Times, now: datetime
) -> Shortlist:
    """All or nothing: if the ballot cannot be created, nothing is shortlisted."""
    require_organiser(user, primary)
    if now < primary.closes_at:
        raise PrimaryError("The shortlist is drawn up after the submission window closes.")
    with transaction.atomic():
        primary = Primary.objects.select_for_update().get(pk=primary.pk)
        require_not_shortlisted(primary)
        required = required_support(primary)
        chosen = list(
            primary.proposals.filter(status=Proposal.Status.OPEN)
            .annotate(support_count=Count("supports"))
            .filter(support_count__gte=required)
            .order_by("-support_count", "created_at", "pk")
        )
        if len(chosen) < 2:
            raise PrimaryError(
                f"Only {len(chosen)} proposal(s) reached {required} supporters; a ballot needs two."
            )
        ballot = _ballot(user, primary, times, ballot_labels(chosen))
        for position, proposal in enumerate(chosen, start=1):
            proposal.shortlisted, proposal.ballot_position = True, position
        Proposal.objects.bulk_update(chosen, ["shortlisted", "ballot_position"])
        primary.shortlisted_at, primary.required_support, primary.ballot = now, required, ballot
        primary.save(update_fields=["shortlisted_at", "required_support", "ballot"])
    return Shortlist(required=required, proposals=chosen, ballot=ballot)


def ballot_labels(proposals: Sequence[Proposal]) -> list[str]:
    """Option labels: the titles, with a number added where two titles are the same."""
    seen: dict[str, int] = {}
    labels = []
    for proposal in proposals:
        seen[proposal.title] = seen.get(proposal.title, 0) + 1
        count = seen[proposal.title]
        labels.append(proposal.title if count == 1 else f"{proposal.title[:190]} ({count})")
    return labels


def _ballot(user: Any, primary: Primary, times: Times, labels: list[str]) -> Ballot:
    method = primary.method
    if method == VotingMethod.STV and primary.winners >= len(labels):
        raise PrimaryError(
            f"STV needs more shortlisted proposals than the {primary.winners} winners."
        )
    spec = QuestionSpec(QUESTION, method, options=tuple(labels), seats=primary.winners)
    try:
        return create_ballot(
            user, f"Policy primary: {primary.title}"[:200], times, [spec], group=primary.group,
            description=primary.description,
        )  # fmt: skip
    except BallotError as exc:
        raise PrimaryError(str(exc)) from None
