"""Compositing: an organiser offers to merge two proposals into one; each author consents or
declines; with both consents the composite replaces them, carrying over the union of their support
and crediting both authors. The originals stay, marked composited."""

from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.core.access import acting_person_id
from groundswell.primary.actions.checks import (
    clean_text,
    require_not_shortlisted,
    require_organiser,
)
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.actions.proposals import create_proposal
from groundswell.primary.models import Composite, Proposal, Support

OPEN = Proposal.Status.OPEN


def propose_composite(
    user: Any, first: Proposal, second: Proposal, content: tuple[str, str, str], now: datetime
) -> Composite:
    """content is the merged (title, text, category)."""
    primary = first.primary
    require_organiser(user, primary)
    require_not_shortlisted(primary)
    if first.pk == second.pk or second.primary_id != primary.pk:
        raise PrimaryError("Choose two different proposals from this primary.")
    if first.status != OPEN or second.status != OPEN:
        raise PrimaryError("Only open proposals can be composited.")
    title, text, category = clean_text(primary, *content)
    with transaction.atomic():
        return Composite.objects.create(
            primary=primary, first=first, second=second, title=title, text=text,
            category=category, proposed_by=user, created_at=now,
        )  # fmt: skip


def answer_composite(user: Any, composite: Composite, consent: bool, now: datetime) -> Composite:
    """An author's answer. A decline ends the offer; the second consent carries it out."""
    person_id = acting_person_id(user)
    with transaction.atomic():
        composite = (
            Composite.objects.select_for_update()
            .select_related("primary", "first", "second")
            .get(pk=composite.pk)
        )
        if composite.status != Composite.Status.PENDING:
            raise PrimaryError("This compositing offer has already been settled.")
        require_not_shortlisted(composite.primary)
        answered = _record_answer(composite, person_id, consent)
        if not answered:
            raise PrimaryError("Only the authors of the two proposals can answer this.")
        if composite.first_consent is False or composite.second_consent is False:
            composite.status = Composite.Status.DECLINED
        elif composite.first_consent and composite.second_consent:
            composite.result = _carry_out(composite, now)
            composite.status = Composite.Status.DONE
        composite.save()
    return composite


def _record_answer(composite: Composite, person_id: int | None, consent: bool) -> bool:
    answered = False
    if composite.first.authored_by(person_id):
        composite.first_consent, answered = consent, True
    if composite.second.authored_by(person_id):
        composite.second_consent, answered = consent, True
    return answered


def _carry_out(composite: Composite, now: datetime) -> Proposal:
    first, second = composite.first, composite.second
    originals = Proposal.objects.select_for_update().filter(pk__in=[first.pk, second.pk])
    if any(p.status != OPEN for p in originals):
        raise PrimaryError("One of the proposals is no longer open, so it cannot be composited.")
    co_author = second.author if second.author_id != first.author_id else None
    merged = create_proposal(
        composite.primary, first.author, (composite.title, composite.text, composite.category),
        now, co_author=co_author,
    )  # fmt: skip
    authors = {first.author_id, second.author_id}
    backers = (
        Support.objects.filter(proposal__in=[first, second])
        .exclude(person_id__in=authors)
        .values_list("person_id", flat=True)
        .distinct()
    )
    Support.objects.bulk_create(
        [Support(proposal=merged, person_id=pid, created_at=now) for pid in set(backers)]
    )
    originals.update(status=Proposal.Status.COMPOSITED, composited_into=merged)
    return merged
