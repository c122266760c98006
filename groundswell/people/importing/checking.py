"""The dry run: every row checked, placed and matched as the import would, with nothing written to
people's records; the counts, the first problems and the error file are kept on the job."""

import logging
from contextlib import closing

from groundswell.people.importing.errorfile import ErrorFile
from groundswell.people.importing.jobs import claim, fail
from groundswell.people.importing.pipeline import paused_gc
from groundswell.people.importing.preparing import prepare
from groundswell.people.importing.progress import report_progress
from groundswell.people.importing.reading import rows_of
from groundswell.people.importing.tally import Tally
from groundswell.people.models import ImportJob

logger = logging.getLogger(__name__)
Status = ImportJob.Status


def check_import(job_id: int) -> None:
    """Run the dry run of a job waiting for one; a job in any other state is left alone."""
    job = claim(job_id, Status.CHECKING, Status.CHECKING)
    if job is None:
        return
    try:
        with paused_gc():
            _check(job)
    except Exception as error:
        logger.exception("Dry run of import %s failed", job_id)
        fail(job, error, "The check stopped")


def _check(job: ImportJob) -> None:
    prepared, tally, errors = prepare(job), Tally(), ErrorFile(job.headers)
    with (
        job.file.open("rb") as stream,
        closing(prepared.pipeline.run(rows_of(job, stream))) as chunks,
    ):
        for chunk in chunks:
            tally.add(chunk)
            errors.add(chunk.rejected)
            report_progress(job.pk, "checking", tally.rows, job.total_rows)
    errors.save(job)
    job.report = tally.as_report(prepared.tags)
    job.total_rows, job.error_rows = tally.rows, tally.problem_rows
    job.status = Status.CHECKED
    job.save()
