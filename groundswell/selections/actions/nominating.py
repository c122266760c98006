"""Standing, nominating and withdrawing, inside the nomination window. Each member stands once and
nominates a candidate once: the database's unique constraints decide between simultaneous clicks."""

from datetime import datetime
from typing import Any

from django.db import IntegrityError, transaction

from groundswell.core.access import acting_person_id
from groundswell.selections.actions.checks import (
    eligible_person,
    require_no_ballot,
    require_nominations_open,
)
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.models import Nomination, Nominator, Selection

STATEMENT_LIMIT = 10_000


def stand(user: Any, selection: Selection, statement: str, now: datetime) -> Nomination:
    """The member's own nomination, with their statement to the members."""
    person = eligible_person(user, selection)
    require_nominations_open(selection, now)
    statement = statement.strip()
    if not statement or len(statement) > STATEMENT_LIMIT:
        raise SelectionError(f"Write a statement (at most {STATEMENT_LIMIT:,} characters).")
    try:
        with transaction.atomic():
            return Nomination.objects.create(
                selection=selection, candidate=person, statement=statement, created_at=now
            )
    except IntegrityError:
        raise SelectionError("You have already stood in this selection.") from None


def nominate(user: Any, nomination: Nomination, now: datetime) -> Nominator:
    """Support another member's nomination; it counts towards the nominators it needs."""
    person = eligible_person(user, nomination.selection)
    require_nominations_open(nomination.selection, now)
    if nomination.withdrawn_at is not None:
        raise SelectionError("This candidate has withdrawn.")
    if nomination.candidate_id == person.pk:
        raise SelectionError("You cannot nominate yourself: other members nominate you.")
    try:
        with transaction.atomic():
            return Nominator.objects.create(nomination=nomination, person=person, created_at=now)
    except IntegrityError:
        raise SelectionError("You have already nominated this candidate.") from None


def withdraw(user: Any, nomination: Nomination, now: datetime) -> None:
    """The candidate withdraws, at any time before the ballot is set up."""
    if acting_person_id(user) != nomination.candidate_id:
        raise SelectionError("Only the candidate can withdraw their nomination.")
    require_no_ballot(nomination.selection)
    with transaction.atomic():
        changed = Nomination.objects.filter(pk=nomination.pk, withdrawn_at__isnull=True).update(
            withdrawn_at=now
        )
    if not changed:
        raise SelectionError("You have already withdrawn.")
