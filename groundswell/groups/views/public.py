"""Pages anyone may open: find a group (by postcode, kind or name) and a group's public page."""

from typing import Any

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from groundswell.events.queries.finding import group_public_events
from groundswell.groups.forms import FindForm
from groundswell.groups.models import GroupKind
from groundswell.groups.queries import get_group_page, groups_near, kind_counts, search_groups

PAGE_SIZE = 20


def find(request: HttpRequest) -> HttpResponse:
    form = FindForm(request.GET or None)
    context: dict[str, Any] = {"form": form, **_results(form, request.GET.get("page"))}
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        return render(request, "groups/find.html#results", context)
    counts = kind_counts()
    context["kinds"] = [(kind, label, counts.get(kind, 0)) for kind, label in GroupKind.choices]
    return render(request, "groups/find.html", context)


def _results(form: FindForm, page: str | None) -> dict[str, Any]:
    if not form.is_bound or not form.is_valid():
        return {}
    data = form.cleaned_data
    results: dict[str, Any] = {}
    if data["location"] is not None:
        results["location"] = data["location"]
        results["nearby"] = groups_near(data["location"], limit=5)
    if data["q"] or data["kind"]:
        listing = search_groups(data["q"], data["kind"])
        results["listing"] = Paginator(listing, PAGE_SIZE).get_page(page)
    return results


def detail(request: HttpRequest, slug: str) -> HttpResponse:
    page = get_group_page(request.user, slug)
    context = {
        "page": page,
        "group": page.group,
        "events": group_public_events(page.group, limit=6),
    }
    return render(request, "groups/detail.html", context)
