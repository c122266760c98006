"""Submitting a proposal in the window, and amending it until shortlisting (every text is kept)."""

from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.core.access import acting_person_id
from groundswell.people.models import Person
from groundswell.primary.actions.checks import (
    clean_text,
    eligible_person,
    locked_proposal,
    require_not_shortlisted,
    require_window,
)
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.models import Primary, Proposal, ProposalVersion


def submit_proposal(
    user: Any, primary: Primary, title: str, text: str, category: str, now: datetime
) -> Proposal:
    person = eligible_person(user, primary)
    require_window(primary, now)
    require_not_shortlisted(primary)
    title, text, category = clean_text(primary, title, text, category)
    with transaction.atomic():
        return create_proposal(primary, person, (title, text, category), now)


def create_proposal(
    primary: Primary,
    author: Person,
    content: tuple[str, str, str],
    now: datetime,
    co_author: Person | None = None,
) -> Proposal:
    """The proposal and its first version (call inside a transaction, after the checks)."""
    title, text, category = content
    proposal = Proposal.objects.create(
        primary=primary, author=author, co_author=co_author, title=title, text=text,
        category=category, created_at=now,
    )  # fmt: skip
    ProposalVersion.objects.create(
        proposal=proposal, number=1, title=title, text=text, category=category, created_at=now
    )
    return proposal


def amend_proposal(
    user: Any, proposal: Proposal, title: str, text: str, category: str, now: datetime
) -> Proposal:
    """A new version by one of the proposal's authors; the earlier ones stay in its history."""
    with transaction.atomic():
        proposal = locked_proposal(proposal)
        if not proposal.authored_by(acting_person_id(user)):
            raise PrimaryError("Only the proposal's authors can amend it.")
        require_not_shortlisted(proposal.primary)
        if proposal.status == Proposal.Status.COMPOSITED:
            raise PrimaryError("This proposal was composited; amend the composite instead.")
        title, text, category = clean_text(proposal.primary, title, text, category)
        if (title, text, category) == (proposal.title, proposal.text, proposal.category):
            raise PrimaryError("That is the same as the current text: nothing to amend.")
        number = proposal.versions.count() + 1
        ProposalVersion.objects.create(
            proposal=proposal, number=number, title=title, text=text, category=category,
            created_at=now,
        )  # fmt: skip
        proposal.title, proposal.text, proposal.category = title, text, category
        proposal.save(update_fields=["title", "text", "category"])
    return proposal
