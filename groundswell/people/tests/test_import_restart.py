"""An import whose worker died: nothing was written, the page says so, and its owner can start it again."""

import time

import pytest
from django.urls import reverse

from groundswell.people.importing import progress
from groundswell.people.models import ImportJob, Person, Tag

from .test_import_pages import GOOD
from .test_import_support import (
    check,
    csv_bytes,
    immediate_tasks,  # noqa: F401 - a fixture
    latest_job,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]


def _job_whose_worker_died(client, capture, silent_for: float) -> ImportJob:
    Tag.objects.create(name="Housing")
    upload(client, csv_bytes(GOOD))
    job = latest_job()
    with capture(execute=True):
        check(client, job)
    # The worker claimed it, reported progress, then was killed: its transaction rolled back.
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING)
    progress.report_progress(job.pk, "importing", 1, 2)
    stamp = progress.cache.get(progress._key(job.pk))
    stamp["at"] = time.time() - silent_for
    progress.cache.set(progress._key(job.pk), stamp)
    return job


def test_a_silent_import_is_shown_as_stopped_and_starts_again_on_request(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    job = _job_whose_worker_died(
        client, django_capture_on_commit_callbacks, progress.STALL_SECONDS + 60
    )
    page = client.get(reverse("people:import_detail", args=[job.pk])).content.decode()
    assert "This import seems to have stopped" in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("people:import_restart", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE, job.failure
    assert (
        Person.objects.filter(emails__address__in=["zoe@example.org", "sam@example.org"]).count()
        == 2
    )


def test_an_import_still_making_progress_cannot_be_started_twice(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    job = _job_whose_worker_died(client, django_capture_on_commit_callbacks, 5)
    page = client.get(reverse("people:import_detail", args=[job.pk])).content.decode()
    assert "seems to have stopped" not in page

    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("people:import_restart", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING
    assert not Person.objects.filter(emails__address="zoe@example.org").exists()


def test_only_the_importer_can_start_it_again(movement, django_capture_on_commit_callbacks):
    owner = movement.client(movement.national)
    job = _job_whose_worker_died(
        owner, django_capture_on_commit_callbacks, progress.STALL_SECONDS + 60
    )
    other = movement.client(movement.organiser_a)
    response = other.post(reverse("people:import_restart", args=[job.pk]))
    assert response.status_code == 404
    job.refresh_from_db()
    assert job.status == ImportJob.Status.RUNNING
