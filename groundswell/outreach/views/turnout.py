"""Meeting turnout pages: setting up a drive for an AGM or selection meeting, and its dashboard
(committed against the number needed to win, refreshed every few seconds)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET, require_http_methods

from groundswell.core.access import personal_data_view
from groundswell.outreach.actions.assignments import AssignmentError
from groundswell.outreach.actions.turnout import create_turnout_drive
from groundswell.outreach.forms_turnout import TurnoutForm, meetings_for
from groundswell.outreach.models import AssignmentKind
from groundswell.outreach.queries.calls import get_assignment_for_manage
from groundswell.outreach.queries.turnout import turnout_figures, turnout_question

DASHBOARD = "outreach/turnout/dashboard.html"


@require_http_methods(["GET", "POST"])
@personal_data_view
def turnout_new(request: HttpRequest) -> HttpResponse:
    meetings = meetings_for(request.user)
    chosen = request.GET.get("event", "")
    event = meetings.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    if event is None:
        return render(request, "outreach/turnout/choose.html", {"meetings": meetings[:100]})
    data = request.POST if request.method == "POST" else None
    form = TurnoutForm(data, user=request.user, event=event)
    if data is not None and form.is_valid():
        try:
            drive = create_turnout_drive(request.user, form.spec())
        except AssignmentError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, f"{drive.name} is ready: check the script, then start calling."
            )
            return redirect("outreach:turnout", pk=drive.pk)
    return render(
        request,
        "outreach/turnout/form.html",
        {"form": form, "event": event},
        status=400 if data else 200,
    )


@require_GET
@personal_data_view
def turnout_dashboard(request: HttpRequest, pk: int) -> HttpResponse:
    drive = get_assignment_for_manage(request.user, pk)
    if drive.kind != AssignmentKind.TURNOUT:
        raise Http404("Not a turnout drive.")
    context = {
        "drive": drive,
        "figures": turnout_figures(drive),
        "question": turnout_question(drive),
    }
    if getattr(request, "htmx", None):
        return render(request, f"{DASHBOARD}#figures", context)
    return render(request, DASHBOARD, context)


urlpatterns: list[URLPattern] = [
    path("turnout/new/", turnout_new, name="turnout_new"),
    path("turnout/<int:pk>/", turnout_dashboard, name="turnout"),
]
