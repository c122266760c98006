"""The public nearest-target finder: a postcode in, the nearest (or neediest) target seats out."""

from typing import Any
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET

from groundswell.core.access import acting_person_id
from groundswell.core.templatetags.fixed_urls import fixed_url
from groundswell.targets.finder import NEAREST, FoundTarget, events_for, find_targets
from groundswell.targets.finder_query import ORDERS, FinderQuery
from groundswell.targets.fragments import public_sessions, target_card
from groundswell.targets.map_data import finder_map


@require_GET
def finder(request: HttpRequest) -> HttpResponse:
    data = request.GET.copy() if "postcode" in request.GET else None
    if data is not None:
        data.setdefault("order", NEAREST)  # so the radio shows which order the results are in
    form = FinderQuery(data)
    context: dict[str, Any] = {
        "form": form,
        "orders": ORDERS,
        "chosen_order": data.get("order") if data is not None else NEAREST,
    }
    if form.is_bound and form.is_valid():
        context.update(_results(request, form.cleaned_data))
    htmx = getattr(request, "htmx", None)
    if htmx and not htmx.history_restore_request:  # htmx swaps in only 2xx answers, errors included
        return render(request, "targets/finder.html#results", context)
    return render(request, "targets/finder.html", context, status=400 if form.errors else 200)


def _results(request: HttpRequest, data: dict[str, Any]) -> dict[str, Any]:
    place = data["place"]
    found = find_targets(place, events_for(request.user), data["order"], data["show"])
    # Members with a proven person record sign up in one click; anyone else gets the short form.
    one_click = acting_person_id(request.user) is not None
    other_events = f"{fixed_url('events:find')}?{urlencode({'postcode': data['postcode']})}"
    return {
        "place": place,
        "searched": data["postcode"],
        "order": data["order"],
        "show": data["show"],
        "found": found,
        "cards": [_card(request, t, one_click, other_events) for t in found],
        "map_data": finder_map(place, found),
    }


def _card(request: HttpRequest, found: FoundTarget, one_click: bool, other_events: str) -> str:
    sessions: str = ""
    if one_click and found.sessions:  # a member's one-click forms carry their CSRF token
        sessions = render_to_string(
            "targets/finder.html#sessions",
            {"sessions": found.sessions, "one_click": True, "here": request.get_full_path()},
            request,
        )
    elif found.sessions:
        sessions = public_sessions(tuple(found.sessions))
    return target_card(found, sessions, other_events)
