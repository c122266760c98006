"""Organisers' pages: setting up a selection, and one page for its panel, hustings and ballot."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from groundswell.core.access import organised_group_ids, personal_data_view, sees_everyone
from groundswell.democracy.actions import Times
from groundswell.groups.models import Group
from groundswell.selections import actions
from groundswell.selections.actions import SelectionError, SelectionSpec
from groundswell.selections.forms import BallotTimesForm, HustingsForm, PanelForm, SelectionForm
from groundswell.selections.organiser_context import organise_page
from groundswell.selections.queries import get_selection_for_organiser


def _group_choices(user: Any) -> list[tuple[str, str]]:
    if sees_everyone(user):
        groups = Group.objects.filter(is_active=True).order_by("name")[:500]
        return [("", "All members (national)")] + [(str(g.pk), g.name) for g in groups]
    groups = Group.objects.filter(pk__in=organised_group_ids(user)).order_by("name")
    return [(str(g.pk), g.name) for g in groups]


@require_http_methods(["GET", "POST"])
@personal_data_view
def new_selection(request: HttpRequest) -> HttpResponse:
    form = SelectionForm(_group_choices(request.user), request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        spec = SelectionSpec(d["post"], d["nominations_open"], d["nominations_close"],
                             d["nominators_required"], d["method"], d["seats"], d["description"])  # fmt: skip
        group = Group.objects.get(pk=d["group"]) if d["group"] is not None else None
        try:
            selection = actions.create_selection(request.user, spec, group)
        except SelectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The selection is set up. Now name its panel.")
            return redirect("selections:organise", pk=selection.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "selections/new.html", {"form": form}, status=status)


@require_http_methods(["GET"])
@personal_data_view
def organise(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_organiser(request.user, pk)
    return render(request, "selections/organise.html", organise_page(selection, timezone.now()))


def _refuse(request: HttpRequest, pk: int, **forms: Any) -> HttpResponse:
    selection = get_selection_for_organiser(request.user, pk)
    context = organise_page(selection, timezone.now(), **forms)
    return render(request, "selections/organise.html", context, status=400)


@require_POST
@personal_data_view
def add_panel(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_organiser(request.user, pk)
    form = PanelForm(request.POST)
    if form.is_valid():
        try:
            person = actions.add_panel_member(request.user, selection, form.cleaned_data["email"])
        except SelectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{person} is on the panel.")
            return redirect("selections:organise", pk=pk)
    return _refuse(request, pk, panel_form=form)


@require_POST
@personal_data_view
def remove_panel(request: HttpRequest, pk: int, person_pk: int) -> HttpResponse:
    selection = get_selection_for_organiser(request.user, pk)
    try:
        actions.remove_panel_member(request.user, selection, person_pk)
    except SelectionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Removed from the panel.")
    return redirect("selections:organise", pk=pk)


@require_POST
@personal_data_view
def hustings(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_organiser(request.user, pk)
    form = HustingsForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            actions.create_hustings(request.user, selection, (d["start"], d["end"], d["capacity"]),
                                    postal_code=d["postal_code"], online_url=d["online_url"],
                                    venue=d["venue"])  # fmt: skip
        except SelectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The hustings is on the selection page.")
            return redirect("selections:organise", pk=pk)
    return _refuse(request, pk, hustings_form=form)


@require_POST
@personal_data_view
def open_ballot(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_organiser(request.user, pk)
    form = BallotTimesForm(request.POST)
    if form.is_valid():
        times = Times(**form.cleaned_data)
        try:
            actions.open_selection_ballot(request.user, selection, times, timezone.now())
        except SelectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The ballot of the shortlisted candidates is set up.")
            return redirect("selections:organise", pk=pk)
    return _refuse(request, pk, ballot_form=form)


urlpatterns: list[URLPattern] = [
    path("new/", new_selection, name="new"),
    path("<int:pk>/organise/", organise, name="organise"),
    path("<int:pk>/organise/panel/", add_panel, name="add_panel"),
    path("<int:pk>/organise/panel/<int:person_pk>/remove/", remove_panel, name="remove_panel"),
    path("<int:pk>/organise/hustings/", hustings, name="hustings"),
    path("<int:pk>/organise/ballot/", open_ballot, name="open_ballot"),
]
