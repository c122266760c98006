"""Every write to constitution documents: creating one, proposing and seconding amendments, putting
them to the vote, applying the result and opening the next round."""

from groundswell.constitution.actions.amendments import propose_amendment, second_amendment
from groundswell.constitution.actions.documents import DocumentSpec, create_document
from groundswell.constitution.actions.errors import ConstitutionError
from groundswell.constitution.actions.results import apply_results
from groundswell.constitution.actions.voting import put_amendments_to_vote
from groundswell.constitution.actions.windows import open_amendment_window

__all__ = [
    "ConstitutionError",
    "DocumentSpec",
    "apply_results",
    "create_document",
    "open_amendment_window",
    "propose_amendment",
    "put_amendments_to_vote",
    "second_amendment",
]
