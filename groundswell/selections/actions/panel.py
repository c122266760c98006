"""The panel's decisions: each one recorded (who, when, decision, reason) and shown to the
candidate. Only valid nominations can be longlisted, and only longlisted ones shortlisted."""

from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.selections.actions.checks import panel_person, require_no_ballot
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.models import Decision, Nomination, Stage
from groundswell.selections.validity import nominator_count

REASON_LIMIT = 5000


def record_decision(
    user: Any, nomination: Nomination, stage: str, included: bool, reason: str, now: datetime
) -> Decision:
    """A later decision at the same stage replaces the standing one (both stay on record)."""
    selection = nomination.selection
    decider = panel_person(user, selection)
    reason = reason.strip()
    if not reason or len(reason) > REASON_LIMIT:
        raise SelectionError(
            f"Give a reason the candidate will see (at most {REASON_LIMIT:,} characters)."
        )
    if stage not in Stage.values:
        raise SelectionError("Choose the longlist or the shortlist.")
    if decider.pk == nomination.candidate_id:
        raise SelectionError("You cannot decide on your own nomination.")
    with transaction.atomic():
        current = Nomination.objects.select_for_update().get(pk=nomination.pk)
        require_no_ballot(selection)
        _check_stage(current, stage, included, now)
        decision = Decision.objects.create(
            nomination=current, stage=stage, included=included, reason=reason,
            decided_by=decider, decided_at=now,
        )  # fmt: skip
        _apply(current, stage, included)
    return decision


def _check_stage(nomination: Nomination, stage: str, included: bool, now: datetime) -> None:
    if now < nomination.selection.nominations_close:
        raise SelectionError("The panel decides after nominations close.")
    if nomination.withdrawn_at is not None:
        raise SelectionError("This candidate has withdrawn.")
    required = nomination.selection.nominators_required
    if included and nominator_count(nomination) < required:
        raise SelectionError(f"This nomination is not valid: it needs {required} nominators.")
    if stage == Stage.SHORTLIST and nomination.longlisted is not True:
        raise SelectionError("Only a longlisted candidate can be shortlisted.")


def _apply(nomination: Nomination, stage: str, included: bool) -> None:
    if stage == Stage.LONGLIST:
        nomination.longlisted = included
        if not included:
            nomination.shortlisted = None
    else:
        nomination.shortlisted = included
    nomination.save(update_fields=["longlisted", "shortlisted"])
