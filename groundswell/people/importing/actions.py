"""Every write an importer triggers from the web: upload, mapping, check, confirm. The heavy work
runs in the background tasks (people.tasks), enqueued once the request's transaction commits."""

import uuid
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction

from groundswell.people.importing.fields import guess_mapping
from groundswell.people.importing.mapping import MappingError, make_plan
from groundswell.people.importing.progress import clear_progress, progress_of
from groundswell.people.importing.scope import ImportScope
from groundswell.people.importing.sniffing import NotCSVError, sniff
from groundswell.people.models import CustomField, ImportJob

Status = ImportJob.Status
MAX_COLUMNS = 250
EDITABLE = (Status.UPLOADED, Status.CHECKED, Status.FAILED)


def custom_field_names() -> list[tuple[str, str]]:
    return list(CustomField.objects.values_list("key", "label"))


@transaction.atomic
def create_import(user: Any, upload: UploadedFile, group_id: int | None) -> ImportJob:
    """Store an uploaded CSV file with a first guess at its mapping, or raise NotCSVError."""
    if not ImportScope(user).may_import_into(group_id):
        raise NotCSVError("Choose one of the groups you organise to add these people to.")
    if (upload.size or 0) > settings.IMPORT_MAX_BYTES:
        limit = settings.IMPORT_MAX_BYTES // (1024 * 1024)
        raise NotCSVError(f"The file is larger than the {limit} MB an import may be. Split it.")
    sniffed = sniff(upload)  # type: ignore[arg-type]  # an UploadedFile reads like a binary file
    if len(sniffed.headers) > MAX_COLUMNS:
        raise NotCSVError(
            f"The file has {len(sniffed.headers)} columns; at most {MAX_COLUMNS} can be imported."
        )
    job = ImportJob(
        created_by=user,
        original_name=(upload.name or "upload.csv")[:255],
        encoding=sniffed.encoding,
        delimiter=sniffed.delimiter,
        headers=[header[:200] for header in sniffed.headers],
        total_rows=max(sniffed.line_count - 1, 0),
        options={"group_id": group_id, "create_tags": False},
        mapping={"columns": guess_mapping(sniffed.headers, custom_field_names())},
    )
    # A random name: the upload holds personal data and must not be guessable from its own name.
    job.file.save(f"{uuid.uuid4().hex}.csv", upload, save=False)
    job.save()
    return job


@transaction.atomic
def check_with_mapping(job: ImportJob, columns: list[str], create_tags: bool) -> None:
    """Keep the importer's mapping and start the dry run, or raise MappingError and change nothing."""
    from groundswell.people.tasks import check_people_import

    if job.status not in EDITABLE or not job.file:
        raise MappingError(["This import can no longer be changed."])
    make_plan(columns, job.headers, {key for key, _ in custom_field_names()})
    job.mapping = {"columns": columns}
    job.options = {**job.options, "create_tags": create_tags}
    job.status, job.report, job.failure = Status.CHECKING, {}, ""
    job.save()
    clear_progress(job.pk)
    transaction.on_commit(lambda: check_people_import.enqueue(job.pk))


@transaction.atomic
def confirm_import(job: ImportJob) -> None:
    """Queue the import of a checked job; refuses (ValueError) a job not checked or with no rows."""
    from groundswell.people.tasks import import_people

    if job.status != Status.CHECKED:
        raise ValueError("Only a checked import can be started.")
    if not job.report.get("ok"):
        raise ValueError(
            "No row of this file can be imported: fix the problems and upload it again."
        )
    job.status = Status.QUEUED
    job.save(update_fields=["status"])
    clear_progress(job.pk)
    transaction.on_commit(lambda: import_people.enqueue(job.pk))


def restart_stalled_import(job: ImportJob) -> None:
    """Start again an import whose worker died: it ran in one transaction, so nothing was written.
    Refuses (ValueError) an import that is still making progress."""
    from groundswell.people.tasks import import_people

    if job.status != Status.RUNNING or not progress_of(job.pk)["stalled"]:
        raise ValueError("This import is still running: give it time.")
    job.status = Status.QUEUED
    job.save(update_fields=["status"])
    clear_progress(job.pk)
    transaction.on_commit(lambda: import_people.enqueue(job.pk))
