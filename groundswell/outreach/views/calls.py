"""Outreach pages: calls (the URL patterns below are included by outreach/urls.py).

This module holds the organiser's pages: the list of call assignments, creating and editing one,
starting, pausing and closing it, and its live progress. The caller's pages are in calls_caller.py,
meeting turnout in turnout.py; their patterns are added at the end."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.core.access import personal_data_view
from groundswell.outreach.actions.assignments import (
    AssignmentError,
    QuestionSpec,
    close_assignment,
    create_assignment,
    ordered_questions,
    pause_assignment,
    start_assignment,
    update_assignment,
)
from groundswell.outreach.actions.queue import refresh_queue
from groundswell.outreach.forms_calls import (
    AssignmentForm,
    QuestionFormSet,
    callers_text,
    question_initial,
    upcoming_shifts,
)
from groundswell.outreach.models import AssignmentStatus, CallAssignment
from groundswell.outreach.queries.call_progress import progress
from groundswell.outreach.queries.calls import assignments_managed_by, get_assignment_for_manage
from groundswell.searches.definition import DefinitionError

FORM = "outreach/calls/form.html"
DETAIL = "outreach/calls/detail.html"


@require_GET
@personal_data_view
def assignment_list(request: HttpRequest) -> HttpResponse:
    assignments = assignments_managed_by(request.user).order_by("-created_at", "-pk")[:200]
    return render(request, "outreach/calls/list.html", {"assignments": assignments})


@require_http_methods(["GET", "POST"])
@personal_data_view
def assignment_new(request: HttpRequest) -> HttpResponse:
    data = request.POST if request.method == "POST" else None
    form, questions = _forms(request, data)
    assignment = _save(request, form, questions, None) if data else None
    if assignment is not None:
        messages.success(request, f"{assignment.name} is saved as a draft: start it when ready.")
        return redirect("outreach:call_detail", pk=assignment.pk)
    return render(
        request, FORM, {"form": form, "questions": questions}, status=400 if data else 200
    )


@require_http_methods(["GET", "POST"])
@personal_data_view
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_manage(request.user, pk)
    data = request.POST if request.method == "POST" else None
    form, questions = _forms(request, data, assignment)
    if data and _save(request, form, questions, assignment) is not None:
        messages.success(request, f"{assignment.name} is saved.")
        return redirect("outreach:call_detail", pk=assignment.pk)
    context = {"form": form, "questions": questions, "assignment": assignment}
    context["fixed_questions"] = None if _drafting(assignment) else ordered_questions(assignment)
    return render(request, FORM, context, status=400 if data else 200)


def _drafting(assignment: CallAssignment | None) -> bool:
    return assignment is None or assignment.status == AssignmentStatus.DRAFT


def _save(
    request: HttpRequest, form: AssignmentForm, questions: Any, assignment: CallAssignment | None
) -> CallAssignment | None:
    """Create or update from valid forms; None (errors on the form) otherwise. Once calling has
    started the questions are not on the page and stay as they are."""
    drafting = _drafting(assignment)
    if not form.is_valid() or (drafting and not questions.is_valid()):
        return None
    goal = form.cleaned_data["goal"]
    try:
        specs, goal = _question_specs(questions, goal) if drafting else (None, goal)
        spec = form.spec(specs, goal)
        if assignment is None:
            return create_assignment(request.user, spec)
        return update_assignment(request.user, assignment, spec)
    except AssignmentError as exc:
        form.add_error(None, str(exc))
        return None


def _question_specs(questions: Any, goal: int | None) -> tuple[list[QuestionSpec], int | None]:
    """The filled-in rows, and the goal (chosen by row) as a place among them."""
    rows = [(i, f.spec()) for i, f in enumerate(questions.forms)]
    filled = [(i, spec) for i, spec in rows if spec is not None]
    if goal is None:
        return [spec for _, spec in filled], None
    places = [n for n, (i, _) in enumerate(filled) if i == goal]
    if not places:
        raise AssignmentError(f"Question {goal + 1}, chosen as the goal, is blank.")
    return [spec for _, spec in filled], places[0]


def _forms(
    request: HttpRequest, data: Any, assignment: CallAssignment | None = None
) -> tuple[AssignmentForm, Any]:
    initial_questions = question_initial(assignment) if assignment else []
    shifts = upcoming_shifts(request.user)
    questions = QuestionFormSet(
        data, initial=initial_questions, prefix="q", form_kwargs={"shifts": shifts}
    )
    count = len(initial_questions) if not _drafting(assignment) else len(questions.forms)
    form = AssignmentForm(data, user=request.user, questions=count, initial=_initial(assignment))
    return form, questions


def _initial(assignment: CallAssignment | None) -> dict[str, Any]:
    if assignment is None:
        return {}
    ids = [q.pk for q in ordered_questions(assignment)]
    goal = ids.index(assignment.goal_question_id) if assignment.goal_question_id in ids else None
    return {
        "name": assignment.name, "group": assignment.group_id, "audience": assignment.audience_id,
        "script": assignment.script, "cooldown_hours": assignment.cooldown_hours,
        "claim_minutes": assignment.claim_minutes, "goal": goal,
        "goal_values": ", ".join(assignment.goal_values), "callers": callers_text(assignment),
    }  # fmt: skip


@require_GET
@personal_data_view
def assignment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_manage(request.user, pk)
    context = {"assignment": assignment, "progress": progress(assignment, timezone.now())}
    if getattr(request, "htmx", None):
        return render(request, f"{DETAIL}#live", context)
    return render(request, DETAIL, context)


STATUS_ACTIONS = {"start": start_assignment, "pause": pause_assignment, "close": close_assignment}


@require_POST
@personal_data_view
def assignment_status(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_manage(request.user, pk)
    change = STATUS_ACTIONS.get(request.POST.get("action", ""))
    if change is None:
        messages.error(request, "Choose start, pause or close.")
        return redirect("outreach:call_detail", pk=pk)
    try:
        added = change(assignment)
    except AssignmentError as exc:
        messages.error(request, str(exc))
    else:
        said = AssignmentStatus(assignment.status).label
        joined = f" {added} people joined the queue." if isinstance(added, int) else ""
        messages.success(request, f"{assignment.name}: {said.lower()}.{joined}")
    return redirect("outreach:call_detail", pk=pk)


@require_POST
@personal_data_view
def assignment_refresh(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_assignment_for_manage(request.user, pk)
    try:
        added = refresh_queue(assignment)
    except DefinitionError as exc:
        messages.error(request, f"The audience search cannot be used: {exc}")
    else:
        messages.success(request, f"{added} new people joined the queue.")
    return redirect("outreach:call_detail", pk=pk)


from groundswell.outreach.views import calls_caller, turnout  # noqa: E402

urlpatterns: list[URLPattern | URLResolver] = [
    path("calls/", assignment_list, name="calls"),
    path("calls/new/", assignment_new, name="call_new"),
    path("calls/<int:pk>/", assignment_detail, name="call_detail"),
    path("calls/<int:pk>/edit/", assignment_edit, name="call_edit"),
    path("calls/<int:pk>/status/", assignment_status, name="call_status"),
    path("calls/<int:pk>/refresh/", assignment_refresh, name="call_refresh"),
    *calls_caller.urlpatterns,
    *turnout.urlpatterns,
]
