"""The caller's pages, made for one hand on a phone: my calling, the next person, the caller screen
(tel: link, context, script, questions, outcome buttons) and its one-tap outcome and skip.

Callers need to be signed in and on the assignment; they see one person at a time, so they need a
second factor only if they otherwise see personal data (organisers, national roles)."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.core.access import is_verified, sees_personal_data
from groundswell.outreach.actions.answers import field_name
from groundswell.outreach.actions.calls import OutcomeRefused, Recorded, record_outcome
from groundswell.outreach.actions.queue import QueueError, held_entry, serve_next, skip
from groundswell.outreach.forms_calls import parse_report
from groundswell.outreach.models import (
    CallAssignment,
    CallOutcome,
    CallQueueEntry,
    Question,
    QuestionKind,
)
from groundswell.outreach.queries.callable import may_be_called
from groundswell.outreach.queries.caller_screen import caller_screen
from groundswell.outreach.queries.calls import (
    caller_person,
    calling_for,
    entry_of_caller,
    get_assignment_for_caller,
    get_entry_for_caller,
)
from groundswell.people.models import Person

SCREEN = "outreach/calls/screen.html"
NEXT = "outreach/calls/next.html"


def caller_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed in; a second factor only for those who see others' records anyway."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if sees_personal_data(request.user) and not is_verified(request.user):
            query = urlencode({"next": request.get_full_path()}, safe="/")
            return redirect(f"{reverse('accounts:two_factor')}?{query}")
        return view(request, *args, **kwargs)

    return wrapped


def _caller(request: HttpRequest, pk: int) -> tuple[CallAssignment, Person]:
    assignment = get_assignment_for_caller(request.user, pk)
    caller = caller_person(request.user)
    if caller is None:  # may_call needs one; kept for the type checker
        raise Http404("No such call assignment.")
    return assignment, caller


@require_GET
@caller_view
def my_calling(request: HttpRequest) -> HttpResponse:
    context = {
        "assignments": calling_for(request.user),
        "linked": caller_person(request.user) is not None,
    }
    return render(request, "outreach/calls/mine.html", context)


@require_http_methods(["GET", "POST"])
@caller_view
def call_next(request: HttpRequest, pk: int) -> HttpResponse:
    """GET: the person you hold, else a "Next person" button. POST: hand me the next person."""
    assignment, caller = _caller(request, pk)
    now = timezone.now()
    if request.method == "GET":
        held = held_entry(assignment, caller, now)
        if held is not None:
            return redirect("outreach:call_screen", pk=pk, entry_id=held.pk)
        empty = request.GET.get("empty") == "1"
        return render(request, NEXT, {"assignment": assignment, "empty": empty})
    return _go_next(request, assignment, caller)


def _go_next(request: HttpRequest, assignment: CallAssignment, caller: Person) -> HttpResponse:
    try:
        entry = serve_next(assignment, caller)
    except QueueError as exc:
        return render(request, NEXT, {"assignment": assignment, "problem": str(exc)})
    if entry is None:
        return redirect(f"{reverse('outreach:call_next', args=[assignment.pk])}?empty=1")
    return redirect("outreach:call_screen", pk=assignment.pk, entry_id=entry.pk)


@require_GET
@caller_view
def call_screen(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    assignment, caller = _caller(request, pk)
    try:
        entry = get_entry_for_caller(caller, assignment, entry_id, timezone.now())
    except Http404:
        if not CallQueueEntry.objects.filter(
            pk=entry_id, assignment=assignment, caller=caller
        ).exists():
            raise
        messages.info(request, "That person is no longer on your screen.")
        return redirect("outreach:call_next", pk=pk)
    return _screen(request, entry, caller)


@dataclass
class QuestionView:
    question: Question
    field: str
    options: list[str]
    chosen: set[str]
    text: str
    multiple: bool


def _screen(
    request: HttpRequest, entry: CallQueueEntry, caller: Person, error: str = "", status: int = 200
) -> HttpResponse:
    screen = caller_screen(entry, caller)
    posted = request.POST if error else None
    views = [_question_view(q, posted) for q in screen.questions]
    context = {"screen": screen, "assignment": entry.assignment, "entry": entry, "questions": views}
    context |= {"error": error, "outcomes": CallOutcome, "now": timezone.localtime()}
    return render(request, SCREEN, context, status=status)


def _question_view(question: Question, posted: Any) -> QuestionView:
    field = field_name(question)
    sent = posted.getlist(field) if posted is not None else []
    is_text = question.kind == QuestionKind.TEXT
    return QuestionView(
        question,
        field,
        question.options,
        set(sent),
        sent[0] if is_text and sent else "",
        question.kind == QuestionKind.MULTIPLE,
    )


@require_POST
@caller_view
def call_outcome(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    assignment, caller = _caller(request, pk)
    entry = entry_of_caller(caller, assignment, entry_id)
    report = parse_report(request.POST, timezone.now())
    try:
        recorded = record_outcome(entry, caller, report, actor=request.user)
    except OutcomeRefused as refusal:
        still_mine = entry.caller_id == caller.pk and entry.claimed_until is not None
        if still_mine and not (refusal.not_callable or refusal.not_held):
            return _screen(request, entry, caller, error=str(refusal), status=400)
        messages.warning(request, str(refusal))
    else:
        _tell(request, recorded, report.outcome)
    return _go_next(request, assignment, caller)


def _tell(request: HttpRequest, recorded: Recorded, outcome: str) -> None:
    name = recorded.person.given_name or str(recorded.person)
    if recorded.attempt is None:
        return  # the same form again: already saved, say nothing twice
    messages.success(request, f"Saved: {recorded.person} — {CallOutcome(outcome).label.lower()}.")
    if recorded.rsvp is not None:
        event = recorded.rsvp.shift.event
        if recorded.rsvp.status == "accepted":
            messages.success(request, f"{name} has a place at {event}. They'll get a confirmation.")
        else:
            messages.warning(
                request, f"{event} is full: {name} is on the waitlist. Please tell them."
            )
    if recorded.rsvp_problem:
        messages.warning(request, f"{name} could not be signed up: {recorded.rsvp_problem}")


@require_POST
@caller_view
def call_skip(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    assignment, caller = _caller(request, pk)
    entry = entry_of_caller(caller, assignment, entry_id)
    skip(entry, caller)
    return _go_next(request, assignment, caller)


@require_GET
@caller_view
def call_check(request: HttpRequest, pk: int, entry_id: int) -> HttpResponse:
    """Polled by the screen: a warning if the person has opted out meanwhile, else nothing."""
    assignment, caller = _caller(request, pk)
    try:
        entry = get_entry_for_caller(caller, assignment, entry_id, timezone.now())
    except Http404:
        return render(request, f"{SCREEN}#gone", {"assignment": assignment})
    if Person.objects.filter(may_be_called(), pk=entry.person_id).exists():
        return HttpResponse(status=204)  # htmx swaps nothing
    context = {"screen": {"person": entry.person}, "assignment": assignment, "entry": entry}
    return render(request, f"{SCREEN}#opted-out", context)


urlpatterns: list[URLPattern] = [
    path("calls/mine/", my_calling, name="my_calling"),
    path("calls/<int:pk>/call/", call_next, name="call_next"),
    path("calls/<int:pk>/call/<int:entry_id>/", call_screen, name="call_screen"),
    path("calls/<int:pk>/call/<int:entry_id>/outcome/", call_outcome, name="call_outcome"),
    path("calls/<int:pk>/call/<int:entry_id>/skip/", call_skip, name="call_skip"),
    path("calls/<int:pk>/call/<int:entry_id>/check/", call_check, name="call_check"),
]
