"""Shared helpers for the import tests (no tests here): build CSV uploads and drive the import pages."""

import csv
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from groundswell.people.models import ImportJob


def csv_bytes(rows: list[list[str]], encoding: str = "utf-8", delimiter: str = ",") -> bytes:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return buffer.getvalue().encode(encoding)


def upload(client: Client, content: bytes, name: str = "people.csv", group: Any = None) -> Any:
    data: dict[str, Any] = {"file": SimpleUploadedFile(name, content, content_type="text/csv")}
    if group is not None:
        data["group"] = group.pk
    return client.post(reverse("people:import_start"), data)


def latest_job() -> ImportJob:
    return ImportJob.objects.order_by("-pk").first()  # type: ignore[return-value]


def check(
    client: Client, job: ImportJob, columns: list[str] | None = None, create_tags: bool = False
) -> Any:
    """Post the mapping (the guessed one unless given) and so run the dry run."""
    columns = job.mapping["columns"] if columns is None else columns
    data = {f"column_{i}": field for i, field in enumerate(columns)}
    if create_tags:
        data["create_tags"] = "on"
    return client.post(reverse("people:import_mapping", args=[job.pk]), data)


def confirm(client: Client, job: ImportJob, capture: Any) -> Any:
    with capture(execute=True):
        return client.post(reverse("people:import_confirm", args=[job.pk]))


def import_file(
    client: Client,
    content: bytes,
    capture: Any,
    group: Any = None,
    create_tags: bool = False,
    name: str = "people.csv",
) -> ImportJob:
    """Upload, check with the guessed mapping, and confirm: the whole journey. Returns the job."""
    response = upload(client, content, name=name, group=group)
    assert response.status_code == 302, response.content.decode()[:2000]
    job = latest_job()
    with capture(execute=True):
        check(client, job, create_tags=create_tags)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED, job.failure
    confirm(client, job, capture)
    job.refresh_from_db()
    return job


@pytest.fixture
def immediate_tasks(settings: Any) -> None:
    """Tasks run at once and progress stays in memory, whatever the environment's settings say."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
