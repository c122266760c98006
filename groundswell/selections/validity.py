"""Whether a nomination is valid: it has the nominators the selection requires."""

from django.db.models import Count, QuerySet

from groundswell.selections.models import Nomination, Selection


def nominator_count(nomination: Nomination) -> int:
    return nomination.nominators.count()


def with_counts(selection: Selection) -> QuerySet[Nomination]:
    """The selection's nominations, each with `nominator_count`, candidates loaded."""
    return (
        selection.nominations.select_related("candidate")
        .annotate(nominator_count=Count("nominators"))
        .order_by("created_at", "pk")
    )


def is_valid(nomination: Nomination) -> bool:
    """Counts the nominators unless the row carries `nominator_count` already."""
    count = getattr(nomination, "nominator_count", None)
    if count is None:
        count = nominator_count(nomination)
    return nomination.withdrawn_at is None and count >= nomination.selection.nominators_required
