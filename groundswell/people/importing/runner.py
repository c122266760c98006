"""The import itself: every valid row written in ONE transaction, so a failure part-way writes
nothing; progress goes to the cache, as nothing inside the transaction is visible until the end."""

import logging
import time
from contextlib import closing

from django.db import connection, transaction
from django.utils import timezone

from groundswell.groups.models import Group
from groundswell.people.importing.errorfile import ErrorFile
from groundswell.people.importing.jobs import claim, fail
from groundswell.people.importing.pipeline import paused_gc
from groundswell.people.importing.preparing import Prepared, prepare
from groundswell.people.importing.progress import clear_progress, report_progress
from groundswell.people.importing.reading import rows_of
from groundswell.people.importing.tally import Tally
from groundswell.people.importing.writer import ChunkWriter, Context
from groundswell.people.models import ImportJob

logger = logging.getLogger(__name__)
Status = ImportJob.Status
_SQLITE_CACHE_KB = 256 * 1024
_LOCK_KEY = 0x6753_696D  # pg advisory lock: one import at a time, so two cannot race for an email


class ImportRefused(Exception):
    """The importer may no longer import this job (their role changed since they uploaded it)."""


def run_import(job_id: int) -> None:
    """Import a confirmed job. A job that is not waiting (done, running, failed) is left alone."""
    job = claim(job_id, Status.QUEUED, Status.RUNNING)
    if job is None:
        return
    try:
        started = time.perf_counter()
        with paused_gc(), transaction.atomic():
            tally, writer, prepared = _import(job)
            _finish(job, tally, writer, prepared)  # done in the same transaction as the data
            committing = time.perf_counter()
        _record_timings(job, started, committing, writer)
    except Exception as error:
        logger.exception("Import %s failed", job_id)
        fail(job, error, "The import stopped")
    else:
        job.file.delete(save=True)  # the upload has done its job; keep no extra copy of it
    finally:
        clear_progress(job_id)
        _restore_cache()


def _import(job: ImportJob) -> tuple[Tally, ChunkWriter, Prepared]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
        else:
            # A big page cache for this connection: a million rows' indexes outgrow the default
            # 8 MB and every insert would wait on reads. Connections are per thread and reused.
            cursor.execute(f"PRAGMA cache_size = -{_SQLITE_CACHE_KB}")
    prepared = prepare(job)
    writer = ChunkWriter(_context(job, prepared))
    tally, errors = Tally(), ErrorFile(job.headers)
    with (
        job.file.open("rb") as stream,
        closing(prepared.pipeline.run(rows_of(job, stream))) as chunks,
    ):
        for chunk in chunks:
            writer.write(chunk)
            tally.add(chunk)
            errors.add(chunk.rejected)
            report_progress(job.pk, "importing", tally.rows, job.total_rows)
    errors.save(job)
    return tally, writer, prepared


def _restore_cache() -> None:
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -2000")  # SQLite's default, 2 MB


def _context(job: ImportJob, prepared: Prepared) -> Context:
    group_id = job.options.get("group_id")
    if not prepared.scope.may_import_into(group_id):
        raise ImportRefused("You no longer organise the group this import adds people to.")
    group = Group.objects.filter(pk=group_id).first() if group_id else None
    now = timezone.now()
    return Context(
        job_id=job.pk,
        actor_id=job.created_by_id,
        method=f"import: {job.original_name}",
        now=now,
        today=timezone.localdate(now),
        group_id=group.pk if group else None,
        group_name=group.name if group else "",
    )


def _record_timings(job: ImportJob, started: float, committing: float, writer: ChunkWriter) -> None:
    """Where the time went: the database's own work (inserts, updates, and the commit, where
    PostgreSQL checks every foreign key) against the whole run. For administrators and benchmarks."""
    finished = time.perf_counter()
    job.report["seconds"] = {
        "total": round(finished - started, 2),
        "database": round(writer.database_seconds + finished - committing, 2),
        "commit": round(finished - committing, 2),
    }
    job.save(update_fields=["report"])


def _finish(job: ImportJob, tally: Tally, writer: ChunkWriter, prepared: Prepared) -> None:
    job.report = {
        **tally.as_report(prepared.tags),
        "updated": writer.updated,
        "unchanged": writer.unchanged,
    }
    job.total_rows = job.processed_rows = tally.rows
    job.error_rows = tally.problem_rows
    job.created_count, job.updated_count = writer.created, writer.updated
    job.status, job.finished_at, job.failure = Status.DONE, timezone.now(), ""
    job.save()
