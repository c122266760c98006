"""What the organiser's page shows: every proposal with its state and support count (never who
supports), the compositing offers, and the forms to hide, composite and shortlist."""

from typing import Any

from django.http import QueryDict

from groundswell.primary.eligibility import required_support
from groundswell.primary.forms import BallotTimesForm, CompositeForm, HideForm
from groundswell.primary.models import Primary, Proposal
from groundswell.primary.queries import with_counts


def organise_page(
    primary: Primary,
    composite_data: QueryDict | None = None,
    times_data: QueryDict | None = None,
) -> dict[str, Any]:
    proposals = list(with_counts(primary.proposals.all(), None).order_by("category", "pk"))
    open_ones = [p for p in proposals if p.status == Proposal.Status.OPEN]
    composites = primary.composites.select_related("first", "second", "result")
    return {
        "primary": primary, "proposals": proposals, "open": open_ones,
        "composites": list(composites), "hide_form": HideForm(),
        "required": primary.required_support or required_support(primary),
        "composite_form": CompositeForm(primary, open_ones, composite_data),
        "times_form": BallotTimesForm(times_data),
    }  # fmt: skip
