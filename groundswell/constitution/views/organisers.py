"""The organisers' pages: a new document, and a document's organiser page (every amendment with its
seconders by name, putting the seconded ones to a ballot, applying the ballot's result)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from groundswell.constitution import queries
from groundswell.constitution.actions import (
    ConstitutionError,
    apply_results,
    create_document,
    open_amendment_window,
    put_amendments_to_vote,
)
from groundswell.constitution.eligibility import may_create
from groundswell.constitution.forms import BallotTimesForm, DocumentForm, WindowForm
from groundswell.constitution.models import Document, Status
from groundswell.core.access import personal_data_view


@require_http_methods(["GET", "POST"])
@login_required
def new_document(request: HttpRequest) -> HttpResponse:
    if not may_create(request.user):
        raise PermissionDenied("Only organisers create documents.")
    form = DocumentForm(request.user, request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and form.is_valid():
        try:
            document = create_document(request.user, form.spec(), timezone.now())
        except ConstitutionError as exc:
            error = str(exc)
        else:
            return redirect("constitution:document", document.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "constitution/new.html", {"form": form, "error": error}, status=status)


@require_http_methods(["GET", "POST"])
@personal_data_view
def organise(request: HttpRequest, pk: int) -> HttpResponse:
    document = queries.get_document_for_organiser(request.user, pk)
    form = BallotTimesForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            put_amendments_to_vote(request.user, document, form.times(), timezone.now())
        except ConstitutionError as exc:
            return _organiser_page(request, document, form, str(exc))
        messages.success(request, "The seconded amendments are on a ballot.")
        return redirect("constitution:organise", pk)
    return _organiser_page(request, document, form, "")


@require_POST
@personal_data_view
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    document = queries.get_document_for_organiser(request.user, pk)
    try:
        version = apply_results(request.user, document, timezone.now())
    except ConstitutionError as exc:
        return _organiser_page(request, document, BallotTimesForm(), str(exc))
    messages.success(request, f"Results applied: version {version.number} is now current.")
    return redirect(reverse("constitution:document", args=[pk]))


@require_POST
@personal_data_view
def open_window(request: HttpRequest, pk: int) -> HttpResponse:
    document = queries.get_document_for_organiser(request.user, pk)
    form = WindowForm(request.POST)
    if not form.is_valid():
        return _organiser_page(request, document, BallotTimesForm(), "", form)
    data = form.cleaned_data
    try:
        open_amendment_window(request.user, document, data["amendments_open"],
                              data["amendments_close"], timezone.now())  # fmt: skip
    except ConstitutionError as exc:
        return _organiser_page(request, document, BallotTimesForm(), str(exc), form)
    messages.success(request, "The new amendment window is set.")
    return redirect("constitution:organise", pk)


def _organiser_page(request: HttpRequest, document: Document, form: BallotTimesForm, error: str,
                    window_form: WindowForm | None = None) -> HttpResponse:  # fmt: skip
    amendments = list(queries.amendments_for_organiser(document))
    balloted = [a for a in amendments if a.status == Status.BALLOTED]
    now = timezone.now()
    context = {"document": document, "amendments": amendments, "form": form, "error": error,
               "window_form": window_form or WindowForm(), "now": now,
               "ballot": balloted[0].ballot if balloted else None,
               "window_open": now < document.amendments_close,
               "proposed": any(a.status == Status.PROPOSED for a in amendments)}  # fmt: skip
    bad = request.method == "POST" and (bool(error) or form.is_bound or window_form is not None)
    return render(request, "constitution/organise.html", context, status=400 if bad else 200)
