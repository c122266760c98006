"""What is published after a ballot closes, for its electorate and organisers: checking a receipt,
the anonymised papers (also as BLT files for a recount) and the results with every stage of a count."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from groundswell.democracy.actions import ResultsNotYet
from groundswell.democracy.models import Ballot, BallotResult
from groundswell.democracy.page_queries import (
    ballot_questions,
    describe_choices,
    get_ballot_for_member,
    non_transferable_cells,
    papers_page,
    question_blt,
    stage_rows,
)
from groundswell.democracy.queries import paper_for_receipt, results

NOT_YET = "democracy/not_yet.html"


def _not_yet(request: HttpRequest, ballot: Ballot) -> HttpResponse:
    return render(request, NOT_YET, {"ballot": ballot}, status=403)


@require_http_methods(["GET", "POST"])
@login_required
def check_receipt(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_ballot_for_member(request.user, pk)
    now = timezone.now()
    if now < ballot.closes_at:
        return _not_yet(request, ballot)
    code = request.POST.get("code", "").strip()[:64]
    paper = paper_for_receipt(ballot, code, now) if code else None
    answers = describe_choices(ballot_questions(ballot), paper.choices) if paper else []
    context = {"ballot": ballot, "code": code, "paper": paper, "answers": answers}
    return render(request, "democracy/check.html", context)


@require_GET
@login_required
def papers(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_ballot_for_member(request.user, pk)
    try:
        page = papers_page(ballot, timezone.now(), request.GET.get("page"))
    except ResultsNotYet:
        return _not_yet(request, ballot)
    questions = ballot_questions(ballot)
    rows = [(p["receipt_hash"], describe_choices(questions, p["choices"])) for p in page]
    ranked = [q for q in questions if q.method in ("irv", "stv")]
    context = {"ballot": ballot, "page": page, "rows": rows, "questions": questions,
               "ranked": ranked, "seed": _seed(ballot)}  # fmt: skip
    return render(request, "democracy/papers.html", context)


@require_GET
@login_required
def papers_blt(request: HttpRequest, pk: int) -> HttpResponse:
    """A ranked question's papers (?question=N, the first ranked question by default) as BLT."""
    ballot = get_ballot_for_member(request.user, pk)
    questions = [q for q in ballot_questions(ballot) if q.method in ("irv", "stv")]
    wanted = request.GET.get("question", "")
    position = int(wanted) if wanted.isdigit() else (questions[0].position if questions else 0)
    try:
        text = question_blt(ballot, position, timezone.now())
    except ResultsNotYet:
        return _not_yet(request, ballot)
    response = HttpResponse(text, content_type="text/plain; charset=utf-8")
    name = f"ballot-{ballot.pk}-question-{position}.blt"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
@login_required
def results_page(request: HttpRequest, pk: int) -> HttpResponse:
    ballot = get_ballot_for_member(request.user, pk)
    try:
        outcome = results(ballot, timezone.now())
    except ResultsNotYet:
        return _not_yet(request, ballot)
    shown = [
        (r, stage_rows(r.ranked) if r.ranked else [],
         non_transferable_cells(r.ranked) if r.ranked else [])
        for r in outcome
    ]  # fmt: skip
    context = {"ballot": ballot, "results": shown, "seed": _seed(ballot)}
    return render(request, "democracy/results.html", context)


def _seed(ballot: Ballot) -> int | None:
    return BallotResult.objects.filter(ballot=ballot).values_list("seed", flat=True).first()


urlpatterns: list[URLPattern] = [
    path("<int:pk>/check/", check_receipt, name="check"),
    path("<int:pk>/papers/", papers, name="papers"),
    path("<int:pk>/papers.blt", papers_blt, name="papers_blt"),
    path("<int:pk>/results/", results_page, name="results"),
]
