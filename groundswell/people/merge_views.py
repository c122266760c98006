"""Merging duplicate records: find the duplicate among the people you can see, compare, merge."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from groundswell.core.access import personal_data_view
from groundswell.people.actions import merge_people
from groundswell.people.profile import person_page
from groundswell.people.queries import (
    filter_people,
    get_person_for_user,
    people_visible_to,
    with_list_columns,
)

CANDIDATES_SHOWN = 20


@personal_data_view
@require_http_methods(["GET"])
def merge_search(request: HttpRequest, person_id: int) -> HttpResponse:
    """Search (by default, for the same name) among the people this user can see."""
    person = get_person_for_user(request.user, person_id)
    q = request.GET.get("q", person.full_name)[:100]
    found = filter_people(people_visible_to(request.user), {"q": q}).exclude(pk=person.pk)
    candidates = list(with_list_columns(found)[:CANDIDATES_SHOWN])
    context = {"person": person, "q": q, "candidates": candidates}
    return render(request, "people/merge_search.html", context)


@personal_data_view
@require_http_methods(["GET", "POST"])
def merge(request: HttpRequest, person_id: int, other_id: int) -> HttpResponse:
    """Keep `person_id`, fold `other_id` into it. GET shows both records side by side."""
    keep = person_page(request.user, person_id)
    drop = person_page(request.user, other_id)
    error = ""
    if request.method == "POST":
        try:
            merge_people(keep.person, drop.person, actor=request.user)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, f"Record #{other_id} merged into this one.")
            return redirect("people:detail", person_id)
    context = {"keep": keep, "drop": drop, "error": error}
    return render(request, "people/merge_confirm.html", context, status=400 if error else 200)
