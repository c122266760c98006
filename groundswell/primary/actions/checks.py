"""Checks shared by the primary's actions: who is acting, and whether the moment is right."""

from datetime import datetime
from typing import Any

from groundswell.core.access import acting_person_id
from groundswell.people.models import Person
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.eligibility import is_eligible, organises
from groundswell.primary.models import Primary, Proposal

TITLE_MAX = 200
TEXT_MAX = 20_000


def eligible_person(user: Any, primary: Primary) -> Person:
    """The acting member, if they may take part in this primary."""
    if not is_eligible(user, primary):
        raise PrimaryError("Only members eligible for this primary can do that.")
    person_id = acting_person_id(user)
    assert person_id is not None  # is_eligible said so
    return Person.objects.get(pk=person_id)


def require_organiser(user: Any, primary: Primary) -> None:
    if not organises(user, primary):
        raise PrimaryError("Only this primary's organisers can do that.")


def require_window(primary: Primary, now: datetime) -> None:
    if not primary.opens_at <= now < primary.closes_at:
        raise PrimaryError("The submission window is not open.")


def require_not_shortlisted(primary: Primary) -> None:
    if primary.shortlisted_at is not None:
        raise PrimaryError("The shortlist has been drawn up; proposals can no longer change.")


def clean_text(primary: Primary, title: str, text: str, category: str) -> tuple[str, str, str]:
    """The stripped title, text and category, or a PrimaryError saying what is wrong."""
    title, text = title.strip(), text.strip()
    if not title or len(title) > TITLE_MAX:
        raise PrimaryError(f"Give a title of at most {TITLE_MAX} characters.")
    if not text or len(text) > TEXT_MAX:
        raise PrimaryError(f"Give the proposal's text (at most {TEXT_MAX} characters).")
    if category not in primary.categories:
        raise PrimaryError("Choose one of the primary's categories.")
    return title, text, category


def locked_proposal(proposal: Proposal) -> Proposal:
    """The proposal re-read under a row lock, so two writers see each other's changes."""
    return Proposal.objects.select_for_update().select_related("primary").get(pk=proposal.pk)
