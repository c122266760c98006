"""Background work for people: the CSV import's dry run and the import itself.

Thin wrappers, safe to run twice: each claims its job by status, so a repeated delivery finds the
job already taken (or done) and does nothing.
"""

from django_tasks import task

from groundswell.people.importing.checking import check_import
from groundswell.people.importing.runner import run_import


@task()
def check_people_import(job_id: int) -> None:
    check_import(job_id)


@task()
def import_people(job_id: int) -> None:
    run_import(job_id)
