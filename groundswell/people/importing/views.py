"""Import pages: upload, map columns, see the dry run, confirm, watch progress, download problems."""

from collections.abc import Callable

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from groundswell.core.access import personal_data_view
from groundswell.people.importing import actions
from groundswell.people.importing.forms import MappingForm, UploadForm
from groundswell.people.importing.mapping import MappingError
from groundswell.people.importing.progress import progress_of
from groundswell.people.importing.queries import (
    get_import_for_user,
    get_own_import,
    recent_imports,
)
from groundswell.people.importing.reading import sample_rows
from groundswell.people.importing.sniffing import ENCODING_LABELS, NotCSVError
from groundswell.people.models import ImportJob

RUNNING = {"checking", "queued", "running"}


@personal_data_view
def import_start(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        group = form.cleaned_data["group"]
        try:
            job = actions.create_import(
                request.user, form.cleaned_data["file"], group.pk if group else None
            )
        except NotCSVError as error:
            form.add_error("file", str(error))
        else:
            return redirect("people:import_mapping", job_id=job.pk)
    context = {"form": form, "imports": recent_imports(request.user)}
    return render(request, "people/import_start.html", context)


@personal_data_view
def import_mapping(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_own_import(request.user, job_id)
    if job.status not in actions.EDITABLE or not job.file:
        return redirect("people:import_detail", job_id=job.pk)
    with job.file.open("rb") as stream:
        samples = sample_rows(stream, job.encoding, job.delimiter)
    fields = actions.custom_field_names()
    form = MappingForm(request.POST or None, job=job, custom_fields=fields, samples=samples)
    if request.method == "POST" and form.is_valid():
        try:
            actions.check_with_mapping(job, form.columns(), form.cleaned_data["create_tags"])
        except MappingError as error:
            for problem in error.problems:
                form.add_error(None, problem)
        else:
            return redirect("people:import_detail", job_id=job.pk)
    context = {
        "job": job,
        "form": form,
        "encoding": ENCODING_LABELS.get(job.encoding, job.encoding),
    }
    return render(request, "people/import_mapping.html", context)


@personal_data_view
def import_detail(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_import_for_user(request.user, job_id)
    context = {
        "job": job,
        "report": job.report,
        "progress": progress_of(job.pk),
        "running": job.status in RUNNING,
    }
    return render(request, "people/import_detail.html", context)


@personal_data_view
def import_progress(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_import_for_user(request.user, job_id)
    if job.status not in RUNNING:
        response = HttpResponse(status=204)
        response["HX-Refresh"] = "true"  # finished: reload the page to show the outcome
        return response
    context = {"job": job, "progress": progress_of(job.pk), "running": True}
    return render(request, "people/import_detail.html#progress", context)


@require_POST
@personal_data_view
def import_confirm(request: HttpRequest, job_id: int) -> HttpResponse:
    return _act_on_own_import(request, job_id, actions.confirm_import)


@require_POST
@personal_data_view
def import_restart(request: HttpRequest, job_id: int) -> HttpResponse:
    return _act_on_own_import(request, job_id, actions.restart_stalled_import)


def _act_on_own_import(
    request: HttpRequest, job_id: int, action: Callable[[ImportJob], None]
) -> HttpResponse:
    """Run an action on the user's own import; a refusal (ValueError) is shown, not raised."""
    job = get_own_import(request.user, job_id)
    try:
        action(job)
    except ValueError as error:
        messages.error(request, str(error))
    return redirect("people:import_detail", job_id=job.pk)


@personal_data_view
def import_errors(request: HttpRequest, job_id: int) -> HttpResponse:
    job = get_import_for_user(request.user, job_id)
    if not job.error_file:
        raise Http404("This import has no problem rows.")
    name = f"{job.original_name.rsplit('.', 1)[0]}-problems.csv"
    return FileResponse(  # type: ignore[return-value]  # a streamed response, served like any other
        job.error_file.open("rb"), as_attachment=True, filename=name, content_type="text/csv"
    )
