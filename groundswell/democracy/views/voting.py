"""The member's ballot pages: the ballots they may vote in, and one ballot with its voting form.
The receipt code is rendered once, in the response to the vote, and never stored or shown again."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from groundswell.core.access import acting_person_id
from groundswell.democracy.actions import VoteRefused, cast_vote
from groundswell.democracy.forms import VoteForm
from groundswell.democracy.models import Ballot, Elector
from groundswell.democracy.page_queries import ballot_questions, get_ballot_for_member
from groundswell.people.models import Person


@require_GET
@login_required
def my_ballots(request: HttpRequest) -> HttpResponse:
    person_id = acting_person_id(request.user)
    entries = Elector.objects.none()
    if person_id is not None:
        entries = Elector.objects.filter(person_id=person_id).select_related("ballot")
    rows = [(e.ballot, e.voted) for e in entries.order_by("-ballot__opens_at", "ballot_id")]
    context = {"rows": rows, "now": timezone.now(), "linked": person_id is not None}
    return render(request, "democracy/my_ballots.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
@login_required
def ballot_page(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_ballot_for_member(request.user, pk)
    now = timezone.now()
    person_id = acting_person_id(request.user)
    entry = None
    if person_id is not None:
        entry = Elector.objects.filter(ballot=ballot, person_id=person_id).first()
    questions = ballot_questions(ballot)
    form = VoteForm(questions, request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST":
        if entry is None:
            raise Http404("You are not on this ballot's electorate.")
        if form.is_valid():
            try:
                code = _cast(entry.person_id, ballot, form)
            except VoteRefused as exc:
                error = str(exc)
            else:
                return render(request, "democracy/receipt.html", {"ballot": ballot, "code": code})
        entry.refresh_from_db()
    status = ballot.status(now)
    context = {"ballot": ballot, "questions": questions, "form": form, "entry": entry,
               "status": status, "error": error,
               "may_vote": entry is not None and not entry.voted and status == "open"}  # fmt: skip
    bad = request.method == "POST"
    return render(request, "democracy/ballot.html", context, status=400 if bad else 200)


def _cast(person_id: int, ballot: Ballot, form: VoteForm) -> str:
    person = Person.objects.get(pk=person_id)
    return cast_vote(person, ballot, form.answers(), timezone.now())


urlpatterns: list[URLPattern] = [
    path("", my_ballots, name="mine"),
    path("<int:pk>/", ballot_page, name="ballot"),
]
