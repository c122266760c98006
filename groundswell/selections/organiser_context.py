"""What the organiser's page shows: the panel, every nomination with its standing, and the forms
for the panel, the hustings and the ballot (a bound one when it was refused)."""

from datetime import datetime
from typing import Any

from django import forms

from groundswell.selections.forms import BallotTimesForm, HustingsForm, PanelForm
from groundswell.selections.models import Selection
from groundswell.selections.outcome import selection_outcome
from groundswell.selections.page_context import phase
from groundswell.selections.validity import is_valid, with_counts


def organise_page(selection: Selection, now: datetime, **bound: forms.Form) -> dict[str, Any]:
    nominations = list(with_counts(selection))
    for nomination in nominations:
        nomination.selection = selection
        nomination.valid = is_valid(nomination)  # type: ignore[attr-defined]
    return {
        "selection": selection, "phase": phase(selection, now), "now": now,
        "panel_members": list(selection.panel.order_by("family_name", "given_name")),
        "nominations": nominations,
        "shortlisted": [n for n in nominations if n.shortlisted and n.withdrawn_at is None],
        "panel_form": bound.get("panel_form") or PanelForm(),
        "hustings_form": bound.get("hustings_form") or HustingsForm(),
        "ballot_form": bound.get("ballot_form") or BallotTimesForm(),
        "outcome": selection_outcome(selection, now),
    }  # fmt: skip
