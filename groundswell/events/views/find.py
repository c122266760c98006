"""Finding events near a postcode (list and map), and the embeddable events page of a group."""

from typing import Any

from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.cache import cache_control
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from groundswell.events.queries.finding import (
    EventSearch,
    FoundEvents,
    find_events,
    group_public_events,
)
from groundswell.events.views.find_form import DEFAULT_KM, FindEventsForm
from groundswell.events.views.find_rows import event_rows, marker
from groundswell.groups.queries import get_public_group

PER_PAGE = 20
LAST_PAGE = 50  # 1,000 events deep: past that, narrow the search


@require_safe
def find(request: HttpRequest) -> HttpResponse:
    form = FindEventsForm(_with_defaults(request.GET))
    context: dict[str, Any] = {"form": form}
    if form.is_valid():
        search, page = form.search(), _page_number(request.GET.get("page"))
        found = find_events(request.user, search, page, PER_PAGE)
        context |= _results(search, found, page)
        context["location"] = form.location
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:
        return render(request, "events/find/find.html#results", context)
    return render(request, "events/find/find.html", context)


def _with_defaults(params: QueryDict) -> QueryDict:
    data = params.copy()
    if not data.get("km"):
        data["km"] = str(DEFAULT_KM)
    return data


def _page_number(text: str | None) -> int:
    """Page 1 for anything that is not a sensible page number: a hostile ?page= is not an error page."""
    try:
        return min(max(int(text or 1), 1), LAST_PAGE)
    except ValueError:
        return 1


def _results(search: EventSearch, found: FoundEvents, page: int) -> dict[str, Any]:
    rows = event_rows(found.placed)
    first = (page - 1) * PER_PAGE + 1
    return {
        "search": search,
        "found": found,
        "rows": rows,
        "online_rows": event_rows(found.online),
        "page": page,
        "first_number": first,
        "last_number": first + len(rows) - 1,
        # json_script escapes it; the map script sets every text with textContent
        "map_data": {
            "centre": [search.lat, search.lng] if search.placed else None,
            "km": search.km,
            "events": [marker(row) for row in rows],
        },
        "wider_km": [km for km in (25, 50) if km > search.km] if search.placed else [],
    }


@require_safe
@xframe_options_exempt
@cache_control(public=True, max_age=300)
def embed(request: HttpRequest, slug: str) -> HttpResponse:
    """A group's upcoming public events in a bare page made for an <iframe> on the group's own site."""
    group = get_public_group(slug)
    rows = event_rows(group_public_events(group))
    return render(request, "events/find/embed.html", {"group": group, "rows": rows})


urlpatterns: list[URLPattern] = [
    path("", find, name="find"),
    path("groups/<slug:slug>/embed/", embed, name="embed"),
]
