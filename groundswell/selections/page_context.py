"""What the selection's pages show, gathered in a few queries each (the views stay thin)."""

from datetime import datetime
from typing import Any

from django.db.models import Prefetch

from groundswell.core.access import acting_person_id
from groundswell.selections.eligibility import is_eligible, on_panel, organises
from groundswell.selections.forms import DecisionForm
from groundswell.selections.models import Decision, Nomination, Nominator, Selection
from groundswell.selections.outcome import selection_outcome
from groundswell.selections.queries import (
    my_nominated_ids,
    my_nomination,
    nominators_of,
    sees_nominators,
)
from groundswell.selections.validity import is_valid, with_counts


def phase(selection: Selection, now: datetime) -> str:
    if now < selection.nominations_open:
        return "upcoming"
    return "open" if now < selection.nominations_close else "closed"


def selection_page(user: Any, selection: Selection, now: datetime) -> dict[str, Any]:
    """Candidates still standing, each marked valid or not, with the user's own nominations."""
    standing = [n for n in with_counts(selection) if n.withdrawn_at is None]
    for nomination in standing:
        nomination.selection = selection
        nomination.valid = is_valid(nomination)  # type: ignore[attr-defined]
    shortlisted = [n for n in standing if n.shortlisted]
    return {
        "selection": selection, "now": now, "phase": phase(selection, now),
        "eligible": is_eligible(user, selection), "organiser": organises(user, selection),
        "panel": on_panel(user, selection), "mine": my_nomination(user, selection),
        "nominated": my_nominated_ids(user, selection), "shortlisted": shortlisted,
        "candidates": [n for n in standing if not n.shortlisted],
        "outcome": selection_outcome(selection, now),
        "hustings_start": hustings_start(selection),
    }  # fmt: skip


def hustings_start(selection: Selection) -> datetime | None:
    if selection.hustings is None:
        return None
    return selection.hustings.shifts.values_list("start", flat=True).first()


def nomination_page(user: Any, nomination: Nomination, now: datetime) -> dict[str, Any]:
    """Nominators, decisions and reasons only for the candidate, the panel and organisers."""
    private = sees_nominators(user, nomination)
    selection = nomination.selection
    return {
        "nomination": nomination, "selection": selection, "phase": phase(selection, now),
        "valid": is_valid(nomination), "count": nomination.nominators.count(),
        "own": acting_person_id(user) == nomination.candidate_id,
        "private": private,
        "panel_view": on_panel(user, selection) or organises(user, selection),
        "nominators": list(nominators_of(nomination)) if private else [],
        "decisions": list(nomination.decisions.select_related("decided_by")) if private else [],
        "eligible": is_eligible(user, selection),
        "already": nomination.pk in my_nominated_ids(user, selection),
    }  # fmt: skip


def panel_page(
    selection: Selection, now: datetime, failed: tuple[int, DecisionForm] | None = None
) -> dict[str, Any]:
    """Every nomination with its nominators and decisions; `failed` re-shows one bad form."""
    rows = list(
        with_counts(selection).prefetch_related(
            Prefetch("nominators", queryset=Nominator.objects.select_related("person")),
            Prefetch("decisions", queryset=Decision.objects.select_related("decided_by")),
        )
    )
    for nomination in rows:
        nomination.selection = selection
        nomination.valid = is_valid(nomination)  # type: ignore[attr-defined]
        form = DecisionForm(prefix=f"n{nomination.pk}")
        if failed is not None and failed[0] == nomination.pk:
            form = failed[1]
        nomination.form = form  # type: ignore[attr-defined]
    return {"selection": selection, "phase": phase(selection, now), "rows": rows, "now": now}
