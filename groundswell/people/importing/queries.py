"""Reads for the import pages. A job (its report and problem rows are personal data) is seen by the
person who uploaded it and by national roles, who see everyone's records; only its uploader changes it."""

from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from groundswell.core.access import sees_everyone
from groundswell.groups.models import Group
from groundswell.groups.queries import manageable_groups
from groundswell.people.models import ImportJob


def get_import_for_user(user: Any, job_id: int) -> ImportJob:
    """An import job the user may look at, or 404 (so ids reveal nothing)."""
    jobs = (
        ImportJob.objects.all()
        if sees_everyone(user)
        else ImportJob.objects.filter(created_by=user)
    )
    return get_object_or_404(jobs, pk=job_id)


def get_own_import(user: Any, job_id: int) -> ImportJob:
    """An import job the user uploaded, for changing its mapping or confirming it; else 404."""
    return get_object_or_404(ImportJob.objects.filter(created_by=user), pk=job_id)


def recent_imports(user: Any, limit: int = 10) -> list[ImportJob]:
    return list(ImportJob.objects.filter(created_by=user).order_by("-created_at")[:limit])


def groups_to_import_into(user: Any) -> QuerySet[Group]:
    return manageable_groups(user).filter(is_active=True).order_by("name")
