"""Supporting a proposal, and withdrawing support, in the window. Once each per member: the
database's unique constraint decides between simultaneous clicks."""

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from groundswell.primary.actions.checks import eligible_person, require_window
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.models import Proposal, Support


def support_proposal(user: Any, proposal: Proposal, now: datetime) -> Support:
    """Authors cannot support their own proposal: authorship is not counted as support, so the
    threshold means that many members besides the authors (docs/primary.md)."""
    person = eligible_person(user, proposal.primary)
    require_window(proposal.primary, now)
    if proposal.status != Proposal.Status.OPEN:
        raise PrimaryError("This proposal is not open for support.")
    if proposal.authored_by(person.pk):
        raise PrimaryError("You cannot support your own proposal.")
    try:
        with transaction.atomic():
            return Support.objects.create(proposal=proposal, person=person, created_at=now)
    except IntegrityError:
        raise PrimaryError("You already support this proposal.") from None


def withdraw_support(user: Any, proposal: Proposal, now: datetime) -> None:
    person = eligible_person(user, proposal.primary)
    require_window(proposal.primary, now)
    with transaction.atomic():
        deleted, _ = Support.objects.filter(proposal=proposal, person=person).delete()
    if not deleted:
        raise PrimaryError("You do not support this proposal.")
