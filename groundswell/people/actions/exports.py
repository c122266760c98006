"""Recording that personal data left the system in an export."""

from collections.abc import Mapping
from typing import Any

from groundswell.people.models import (
    ExportRecord,
)


def record_export(user: Any, row_count: int, filters: Mapping[str, str]) -> ExportRecord:
    """The audit trail of personal data leaving the system: who, when, how many, which filters."""
    return ExportRecord.objects.create(exported_by=user, row_count=row_count, filters=dict(filters))


# --- Merging duplicates ----------------------------------------------------------------------
