"""The panel's page: every nomination with its nominators, and a decision form for each (with the
reason the candidate will see). Panel members decide; organisers may look. Panel members need
not be organisers, so this is not a personal_data_view: the query scopes it to the panel, and
seeing who nominated whom needs the second factor, as every view of others' data does."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from groundswell.core.access import verified_view
from groundswell.selections import actions
from groundswell.selections.actions import SelectionError
from groundswell.selections.forms import DecisionForm
from groundswell.selections.page_context import panel_page
from groundswell.selections.queries import get_selection_for_panel


@require_GET
@verified_view
def panel(request: HttpRequest, pk: int) -> HttpResponse:
    selection = get_selection_for_panel(request.user, pk)
    return render(request, "selections/panel.html", panel_page(selection, timezone.now()))


@require_POST
@verified_view
def decide(request: HttpRequest, pk: int, nomination_pk: int) -> HttpResponse:
    selection = get_selection_for_panel(request.user, pk)
    nomination = get_object_or_404(selection.nominations.all(), pk=nomination_pk)
    form = DecisionForm(request.POST, prefix=f"n{nomination.pk}")
    if form.is_valid():
        d = form.cleaned_data
        try:
            actions.record_decision(request.user, nomination, d["stage"],
                                    d["decision"] == "include", d["reason"], timezone.now())  # fmt: skip
        except SelectionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Decision recorded for {nomination.candidate}.")
            return redirect("selections:panel", pk=pk)
    context = panel_page(selection, timezone.now(), failed=(nomination.pk, form))
    return render(request, "selections/panel.html", context, status=400)


urlpatterns: list[URLPattern] = [
    path("<int:pk>/panel/", panel, name="panel"),
    path("<int:pk>/panel/<int:nomination_pk>/decide/", decide, name="decide"),
]
