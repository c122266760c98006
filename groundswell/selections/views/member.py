"""Members' pages: the selections they can see, a selection with its candidates, standing, and a
nomination (with its nominators and the panel's reasons for the candidate)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.selections import actions
from groundswell.selections.actions import SelectionError
from groundswell.selections.forms import StandForm
from groundswell.selections.page_context import nomination_page, phase, selection_page
from groundswell.selections.queries import (
    get_nomination_for_user,
    get_selection_for_user,
    selections_visible_to,
)


@require_GET
@login_required
def selection_list(request: HttpRequest) -> HttpResponse:
    selections = selections_visible_to(request.user).select_related("group", "ballot")[:200]
    may_create = sees_everyone(request.user) or organised_group_ids(request.user).exists()
    context = {"selections": selections, "now": timezone.now(), "may_create": may_create}
    return render(request, "selections/list.html", context)


@require_GET
@login_required
def selection_detail(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_user(request.user, pk)
    context = selection_page(request.user, selection, timezone.now())
    return render(request, "selections/selection.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def stand(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_user(request.user, pk)
    form = StandForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            nomination = actions.stand(
                request.user, selection, form.cleaned_data["statement"], timezone.now()
            )
        except SelectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "You are standing. Ask members to nominate you.")
            return redirect("selections:nomination", pk=nomination.pk)
    context = {"selection": selection, "form": form, "phase": phase(selection, timezone.now())}
    status = 400 if request.method == "POST" else 200
    return render(request, "selections/stand.html", context, status=status)


@require_GET
@login_required
def nomination_detail(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = get_nomination_for_user(request.user, pk)
    context = nomination_page(request.user, nomination, timezone.now())
    return render(request, "selections/nomination.html", context)


@require_POST
@login_required
def nominate(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = get_nomination_for_user(request.user, pk)
    try:
        actions.nominate(request.user, nomination, timezone.now())
    except SelectionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"You nominated {nomination.candidate}.")
    return redirect("selections:detail", pk=nomination.selection_id)


@require_POST
@login_required
def withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    nomination = get_nomination_for_user(request.user, pk)
    try:
        actions.withdraw(request.user, nomination, timezone.now())
    except SelectionError as exc:
        messages.error(request, str(exc))
        return redirect("selections:nomination", pk=pk)
    messages.success(request, "You have withdrawn from this selection.")
    return redirect("selections:detail", pk=nomination.selection_id)


urlpatterns: list[URLPattern] = [
    path("", selection_list, name="list"),
    path("<int:pk>/", selection_detail, name="detail"),
    path("<int:pk>/stand/", stand, name="stand"),
    path("nomination/<int:pk>/", nomination_detail, name="nomination"),
    path("nomination/<int:pk>/nominate/", nominate, name="nominate"),
    path("nomination/<int:pk>/withdraw/", withdraw, name="withdraw"),
]
