"""Moderation: an organiser hides a proposal, giving a reason its authors see."""

from typing import Any

from django.db import transaction

from groundswell.primary.actions.checks import (
    locked_proposal,
    require_not_shortlisted,
    require_organiser,
)
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.models import Proposal


def hide_proposal(user: Any, proposal: Proposal, reason: str) -> Proposal:
    require_organiser(user, proposal.primary)
    reason = reason.strip()
    if not reason or len(reason) > 2000:
        raise PrimaryError("Give the author a reason (at most 2,000 characters).")
    with transaction.atomic():
        proposal = locked_proposal(proposal)
        require_not_shortlisted(proposal.primary)
        if proposal.status != Proposal.Status.OPEN:
            raise PrimaryError("Only an open proposal can be hidden.")
        proposal.status, proposal.hidden_reason = Proposal.Status.HIDDEN, reason
        proposal.save(update_fields=["status", "hidden_reason"])
    return proposal
