"""Choosing target seats (national organisers only): the list with its edits, adding a seat, adopting the
proposed most marginal seats. Every POST redirects back to the page on success."""

from typing import Any

from django import forms
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from groundswell.targets import actions
from groundswell.targets.forms import AddTargetForm, AdoptForm, TargetForm
from groundswell.targets.models import Priority
from groundswell.targets.queries import (
    get_target_for_manage,
    proposed_seats,
    seats_matching,
    targets_for_manage,
)


@require_GET
def manage(request: HttpRequest) -> HttpResponse:
    return _page(request)


def _page(request: HttpRequest, error: str = "", status: int = 200) -> HttpResponse:
    targets = list(targets_for_manage(request.user))
    q = request.GET.get("q", "")[:100]
    context: dict[str, Any] = {
        "targets": targets,
        "q": q,
        "matches": seats_matching(q),
        "proposals": [
            {
                "seat": seat,
                "priority": Priority(actions.priority_for_margin(seat.majority_pct)).label,
            }
            for seat in proposed_seats()
        ],
        "priorities": Priority.choices,
        "error": error,
    }
    return render(request, "targets/manage.html", context, status=status)


def _first_error(form: forms.Form) -> str:
    return str(next(iter(form.errors.values()))[0])


def _carry_out(request: HttpRequest, form: forms.Form, act: Any) -> HttpResponse:
    """Run `act(cleaned_data)` if the form is valid; report its message, or the first error, on the page."""
    targets_for_manage(request.user)  # 403 before looking at the input
    if not form.is_valid():
        return _page(request, _first_error(form), status=400)
    try:
        done = act(form.cleaned_data)
    except actions.TargetError as error:
        return _page(request, str(error), status=400)
    messages.success(request, done)
    return redirect("targets:manage")


@require_POST
def add(request: HttpRequest) -> HttpResponse:
    def act(data: dict[str, Any]) -> str:
        actions.add_target(
            request.user, data["seat"], priority=data["priority"], weekly_goal=data["weekly_goal"]
        )
        return f"{data['seat'].name} is now a target."

    return _carry_out(request, AddTargetForm(request.POST), act)


@require_POST
def adopt(request: HttpRequest) -> HttpResponse:
    def act(data: dict[str, Any]) -> str:
        adopted = actions.adopt_seats(request.user, data["seats"], data["weekly_goal"])
        return f"{len(adopted)} seats adopted as targets."

    return _carry_out(request, AdoptForm(request.POST), act)


@require_POST
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    target = get_target_for_manage(request.user, pk)

    def act(data: dict[str, Any]) -> str:
        actions.update_target(request.user, target, **data)
        return f"{target.constituency.name} saved."

    return _carry_out(request, TargetForm(request.POST), act)
