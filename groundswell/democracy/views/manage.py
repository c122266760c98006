"""The organiser's ballot pages: the ballots they run, and one ballot's turnout (counts only, never
choices), its frozen electorate, and the button that freezes it before the ballot opens."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from groundswell.core.access import personal_data_view
from groundswell.democracy.actions import ElectorateError, freeze_electorate
from groundswell.democracy.queries import (
    ballots_organised_by,
    electorate_list,
    get_ballot_for_organiser,
    turnout,
)


@require_GET
@personal_data_view
def manage_list(request: HttpRequest) -> HttpResponse:
    ballots = ballots_organised_by(request.user).order_by("-opens_at", "pk")[:200]
    context = {"ballots": ballots, "now": timezone.now()}
    return render(request, "democracy/manage_list.html", context)


@require_GET
@personal_data_view
def manage_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_ballot_for_organiser(request.user, pk)
    people = electorate_list(ballot).order_by("family_name", "given_name", "pk")
    context = {"ballot": ballot, "status": ballot.status(timezone.now()),
               "turnout": turnout(ballot),
               "electors": Paginator(people, 100).get_page(request.GET.get("page"))}  # fmt: skip
    return render(request, "democracy/manage.html", context)


@require_POST
@personal_data_view
def freeze(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_ballot_for_organiser(request.user, pk)
    try:
        added = freeze_electorate(ballot, timezone.now())
    except ElectorateError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"The electorate is frozen: {added} people may vote.")
    return redirect("democracy:manage", pk=pk)


urlpatterns: list[URLPattern] = [
    path("manage/", manage_list, name="manage_list"),
    path("manage/<int:pk>/", manage_ballot, name="manage"),
    path("manage/<int:pk>/freeze/", freeze, name="freeze"),
]
