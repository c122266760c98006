"""Saved-search pages: the list with each search's count, a search's people, its CSV export, and
deleting it. (The editor is in editor_views.)"""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from groundswell.core.access import personal_data_view
from groundswell.people.actions import record_export
from groundswell.people.exporting import csv_lines, export_rows
from groundswell.searches.actions import SearchRefused, delete_search
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import (
    get_search_for_user,
    matching,
    search_people,
    searches_with_counts,
)

PAGE_SIZE = 50


@personal_data_view
@require_GET
def search_list(request: HttpRequest) -> HttpResponse:
    summaries, more = searches_with_counts(request.user)
    return render(request, "searches/list.html", {"summaries": summaries, "more": more})


@personal_data_view
@require_GET
def people(request: HttpRequest, pk: int) -> HttpResponse:
    search = get_search_for_user(request.user, pk)
    after, before = request.GET.get("after"), request.GET.get("before")
    context: dict[str, Any] = {"search": search, "listing": None, "problem": None}
    try:
        context["listing"] = search_people(
            request.user, search, size=PAGE_SIZE, after=after, before=before
        )
    except DefinitionError as error:
        context["problem"] = str(error)
    template = "searches/people.html#results" if request.htmx else "searches/people.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@personal_data_view  # type: ignore[arg-type]  # it is typed for HttpResponse, not streams
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest, pk: int) -> HttpResponse | StreamingHttpResponse:
    """GET asks "export these N people?"; POST streams the CSV and records the export."""
    search = get_search_for_user(request.user, pk)
    try:
        found = matching(request.user, search.definition, search_id=search.pk)
        count = found.count()
    except DefinitionError as error:
        context = {"search": search, "problem": str(error)}
        return render(request, "searches/export_confirm.html", context, status=400)
    if request.method == "GET":
        return render(request, "searches/export_confirm.html", {"search": search, "count": count})
    record_export(request.user, count, {"saved_search": f"{search.pk}: {search.name}"})
    response = StreamingHttpResponse(
        csv_lines(export_rows(found)), content_type="text/csv; charset=utf-8"
    )
    stamp = timezone.localtime().strftime("%Y-%m-%d-%H%M")
    response["Content-Disposition"] = f'attachment; filename="search-{search.pk}-{stamp}.csv"'
    return response


@personal_data_view
@require_http_methods(["GET", "POST"])
def delete(request: HttpRequest, pk: int) -> HttpResponse:
    search = get_search_for_user(request.user, pk)
    if request.method == "GET":
        return render(request, "searches/delete.html", {"search": search})
    try:
        delete_search(request.user, search)
    except SearchRefused as error:
        context = {"search": search, "problem": str(error)}
        return render(request, "searches/delete.html", context, status=409)
    messages.success(request, f"Deleted “{search.name}”.")
    return redirect("searches:list")
