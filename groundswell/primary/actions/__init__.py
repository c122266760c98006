"""Every write to a Policy Primary: setting one up, proposals and their amendments, support,
moderation, compositing, and shortlisting onto a ballot."""

from groundswell.primary.actions.compositing import (
    answer_composite,
    propose_composite,
)
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.actions.moderation import hide_proposal
from groundswell.primary.actions.proposals import amend_proposal, submit_proposal
from groundswell.primary.actions.setup import PrimarySpec, create_primary
from groundswell.primary.actions.shortlisting import shortlist_and_open_ballot
from groundswell.primary.actions.support import support_proposal, withdraw_support

__all__ = [
    "PrimaryError",
    "PrimarySpec",
    "amend_proposal",
    "answer_composite",
    "create_primary",
    "hide_proposal",
    "propose_composite",
    "shortlist_and_open_ballot",
    "submit_proposal",
    "support_proposal",
    "withdraw_support",
]
