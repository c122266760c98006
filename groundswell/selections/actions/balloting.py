"""The members' ballot of the shortlisted candidates: one option each, in a recorded order, so the
result's winners map back to nominations. All or nothing."""

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.democracy.actions import BallotError, QuestionSpec, Times, create_ballot
from groundswell.democracy.models import Ballot
from groundswell.selections.actions.checks import require_no_ballot, require_organiser
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.models import Nomination, Selection, VotingMethod


def open_selection_ballot(user: Any, selection: Selection, times: Times, now: datetime) -> Ballot:
    """Only shortlisted candidates who have not withdrawn go on the ballot."""
    require_organiser(user, selection)
    if now < selection.nominations_close:
        raise SelectionError("The ballot is set up after nominations close.")
    with transaction.atomic():
        selection = Selection.objects.select_for_update().get(pk=selection.pk)
        require_no_ballot(selection)
        chosen = list(
            selection.nominations.filter(shortlisted=True, withdrawn_at__isnull=True)
            .select_related("candidate")
            .order_by("candidate__family_name", "candidate__given_name", "pk")
        )
        if len(chosen) <= selection.seats:
            raise SelectionError(
                f"Shortlist more candidates than seats ({selection.seats}) before the ballot."
            )
        ballot = _ballot(user, selection, times, ballot_labels(chosen))
        for position, nomination in enumerate(chosen, start=1):
            nomination.ballot_position = position
        Nomination.objects.bulk_update(chosen, ["ballot_position"])
        selection.ballot = ballot
        selection.save(update_fields=["ballot"])
    return ballot


def ballot_labels(nominations: Sequence[Nomination]) -> list[str]:
    """Option labels: the candidates' names, with a number added where two names are the same."""
    seen: dict[str, int] = {}
    labels = []
    for nomination in nominations:
        name = str(nomination.candidate)[:180] or f"Candidate {nomination.pk}"
        seen[name] = seen.get(name, 0) + 1
        labels.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return labels


def _ballot(user: Any, selection: Selection, times: Times, labels: list[str]) -> Ballot:
    text = f"Who should be selected as {selection.post}?"[:500]
    if selection.method == VotingMethod.STV:
        text = f"Rank the candidates for {selection.post} ({selection.seats} seats)"[:500]
    spec = QuestionSpec(text, selection.method, options=tuple(labels), seats=selection.seats)
    try:
        return create_ballot(
            user, f"Selection: {selection.post}"[:200], times, [spec], group=selection.group,
            description=selection.description,
        )  # fmt: skip
    except BallotError as exc:
        raise SelectionError(str(exc)) from None
