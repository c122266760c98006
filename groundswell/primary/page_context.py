"""What the primary and proposal pages show, gathered in one place so their views stay thin."""

from itertools import groupby
from typing import Any

from django.utils import timezone

from groundswell.core.access import acting_person_id
from groundswell.primary.eligibility import is_eligible, organises
from groundswell.primary.forms import ProposalForm
from groundswell.primary.models import Primary, Proposal
from groundswell.primary.queries import composites_awaiting, my_proposals, open_proposals


def primary_page(user: Any, primary: Primary, form: ProposalForm | None = None) -> dict[str, Any]:
    person_id = acting_person_id(user)
    now = timezone.now()
    proposals = list(open_proposals(primary, person_id))
    by_category = [(c, list(ps)) for c, ps in groupby(proposals, key=lambda p: p.category)]
    return {
        "primary": primary, "by_category": by_category, "person_id": person_id,
        "mine": list(my_proposals(primary, person_id)), "eligible": is_eligible(user, primary),
        "organiser": organises(user, primary), "window_open": _in_window(primary, now),
        "upcoming": now < primary.opens_at, "form": form or ProposalForm(primary),
    }  # fmt: skip


def proposal_page(
    user: Any, proposal: Proposal, form: ProposalForm | None = None
) -> dict[str, Any]:
    primary = proposal.primary
    person_id = acting_person_id(user)
    initial = {"title": proposal.title, "text": proposal.text, "category": proposal.category}
    is_author = proposal.authored_by(person_id)
    return {
        "proposal": proposal, "primary": primary, "versions": list(proposal.versions.all()),
        "is_author": is_author, "eligible": is_eligible(user, primary),
        "window_open": _in_window(primary, timezone.now()),
        "may_amend": is_author and primary.shortlisted_at is None
        and proposal.status != Proposal.Status.COMPOSITED,
        "form": form or ProposalForm(primary, initial=initial),
        "composites": list(composites_awaiting(user, proposal)),
        "sources": list(proposal.composited_from.all()),
    }  # fmt: skip


def _in_window(primary: Primary, now: Any) -> bool:
    return bool(primary.opens_at <= now < primary.closes_at)
