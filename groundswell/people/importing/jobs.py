"""Moving an import job between states safely, so a task delivered twice does its work once."""

from django.db import transaction
from django.utils import timezone

from groundswell.people.importing.progress import report_progress
from groundswell.people.models import ImportJob


def claim(job_id: int, expected: str, new: str) -> ImportJob | None:
    """The job, moved from `expected` to `new` status, or None if it was not in `expected`
    (already done, or taken by another worker)."""
    with transaction.atomic():
        job = ImportJob.objects.select_for_update().filter(pk=job_id, status=expected).first()
        if job is None:
            return None
        if new != expected:
            job.status = new
            job.save(update_fields=["status"])
    report_progress(job.pk, "starting", 0, 0)  # a first sign of life, so a dead worker shows
    return job


def fail(job: ImportJob, error: Exception, doing: str) -> None:
    job.status = ImportJob.Status.FAILED
    job.failure = f"{doing}: {describe(error)} Nothing was imported."
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "failure", "finished_at"])


def describe(error: Exception) -> str:
    """A reason fit to show the importer (a database error's text means little to them)."""
    from django.db import DatabaseError, IntegrityError

    if isinstance(error, IntegrityError):
        return (
            "someone else added or changed one of these email addresses or mobile numbers while "
            "the import ran. Run the import again."
        )
    if isinstance(error, DatabaseError):
        return (
            "the database reported an error. Try again, or ask an administrator to look at the log."
        )
    text = str(error).strip() or type(error).__name__
    return text if text.endswith(".") else text + "."
