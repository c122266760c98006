"""Organisers' pages: setting up a primary, and one page to moderate, composite and shortlist."""

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
from groundswell.primary import actions
from groundswell.primary.actions import PrimaryError, PrimarySpec
from groundswell.primary.forms import BallotTimesForm, CompositeForm, HideForm, PrimaryForm
from groundswell.primary.models import Primary
from groundswell.primary.organiser_context import organise_page
from groundswell.primary.queries import get_primary_for_organiser, get_proposal_for_user


def _group_choices(user: Any) -> list[tuple[str, str]]:
    national = [("", "All members (national)")] if sees_everyone(user) else []
    groups = Group.objects.filter(pk__in=organised_group_ids(user)).order_by("name")
    if sees_everyone(user):
        groups = Group.objects.filter(is_active=True).order_by("name")
    return national + [(str(g.pk), g.name) for g in groups[:500]]


@require_http_methods(["GET", "POST"])
@personal_data_view
def new_primary(request: HttpRequest) -> HttpResponse:
    form = PrimaryForm(_group_choices(request.user), request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            primary = actions.create_primary(request.user, _spec(form), _group(form))
        except PrimaryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "The primary is set up.")
            return redirect("primary:detail", pk=primary.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "primary/new.html", {"form": form}, status=status)


def _spec(form: PrimaryForm) -> PrimarySpec:
    d = form.cleaned_data
    return PrimarySpec(
        title=d["title"], description=d["description"], opens_at=d["opens_at"],
        closes_at=d["closes_at"], categories=form.category_list(),
        threshold_kind=d["threshold_kind"], threshold_value=d["threshold_value"],
        method=d["method"], winners=d["winners"],
    )  # fmt: skip


def _group(form: PrimaryForm) -> Group | None:
    pk = form.cleaned_data["group"]
    return Group.objects.get(pk=pk) if pk is not None else None


@require_http_methods(["GET"])
@personal_data_view
def organise(request: HttpRequest, pk: int) -> HttpResponse:
    primary = get_primary_for_organiser(request.user, pk)
    return render(request, "primary/organise.html", organise_page(primary))


@require_POST
@personal_data_view
def hide(request: HttpRequest, pk: int, proposal_pk: int) -> HttpResponse:
    primary = get_primary_for_organiser(request.user, pk)
    proposal = get_proposal_for_user(request.user, proposal_pk)
    form = HideForm(request.POST)
    try:
        if proposal.primary_id != primary.pk or not form.is_valid():
            raise PrimaryError("Give the author a reason (at most 2,000 characters).")
        actions.hide_proposal(request.user, proposal, form.cleaned_data["reason"])
    except PrimaryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Hidden: {proposal.title}. Its authors see why.")
    return redirect("primary:organise", pk=pk)


@require_POST
@personal_data_view
def composite(request: HttpRequest, pk: int) -> HttpResponse:
    primary = get_primary_for_organiser(request.user, pk)
    context = organise_page(primary, composite_data=request.POST)
    form: CompositeForm = context["composite_form"]
    if form.is_valid():
        d = form.cleaned_data
        pair = {p.pk: p for p in context["open"]}
        try:
            actions.propose_composite(request.user, pair[d["first"]], pair[d["second"]],
                                      (d["title"], d["text"], d["category"]), timezone.now())  # fmt: skip
        except PrimaryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Offered to both authors; it happens once both consent.")
            return redirect("primary:organise", pk=pk)
    return render(request, "primary/organise.html", context, status=400)


@require_POST
@personal_data_view
def shortlist(request: HttpRequest, pk: int) -> HttpResponse:
    primary: Primary = get_primary_for_organiser(request.user, pk)
    context = organise_page(primary, times_data=request.POST)
    form: BallotTimesForm = context["times_form"]
    if form.is_valid():
        times = Times(**form.cleaned_data)
        try:
            done = actions.shortlist_and_open_ballot(request.user, primary, times, timezone.now())
        except PrimaryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"{len(done.proposals)} proposals shortlisted; ballot set up."
            )
            return redirect("primary:organise", pk=pk)
    return render(request, "primary/organise.html", context, status=400)


urlpatterns: list[URLPattern] = [
    path("new/", new_primary, name="new"),
    path("<int:pk>/organise/", organise, name="organise"),
    path("<int:pk>/organise/hide/<int:proposal_pk>/", hide, name="hide"),
    path("<int:pk>/organise/composite/", composite, name="composite"),
    path("<int:pk>/organise/shortlist/", shortlist, name="shortlist"),
]
