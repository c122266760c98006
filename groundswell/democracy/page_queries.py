"""Reads for the ballot pages that queries.py does not cover: a ballot as a voter may see it, a page of
the published papers, papers described in words, a question's BLT file and a count's stage table."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Q
from django.http import Http404

from groundswell.core.access import acting_person_id
from groundswell.democracy.actions.counting import ResultsNotYet
from groundswell.democracy.actions.tallies import RANKED_RULES, ranked_election
from groundswell.democracy.counting import Result, format_blt
from groundswell.democracy.models import Ballot, BallotPaper, Method, Question
from groundswell.democracy.queries import ballots_organised_by

ZERO = Decimal(0)


def get_ballot_for_member(user: Any, pk: int) -> Ballot:
    """A ballot the user is on the electorate of, or organises; 404 otherwise, so a ballot's
    existence is not shown to anyone else."""
    person_id = acting_person_id(user)
    electors = Q(electors__person_id=person_id) if person_id is not None else Q(pk__in=[])
    organised = ballots_organised_by(user).values("pk")
    ballot = Ballot.objects.filter(electors | Q(pk__in=organised), pk=pk).distinct().first()
    if ballot is None:
        raise Http404("No such ballot.")
    return ballot


def papers_page(ballot: Ballot, now: datetime, number: Any, per_page: int = 50) -> Page[Any]:
    """One page of the published papers (after the close only), in the order of their random keys."""
    if now < ballot.closes_at:
        raise ResultsNotYet("The ballot papers are published when the ballot closes.")
    rows = (
        BallotPaper.objects.filter(ballot=ballot).order_by("id").values("receipt_hash", "choices")
    )
    return Paginator(rows, per_page).get_page(number)


def ballot_questions(ballot: Ballot) -> list[Question]:
    return list(ballot.questions.prefetch_related("options"))


def describe_choices(questions: list[Question], choices: dict[str, Any]) -> list[tuple[str, str]]:
    """(question text, the answer in words) for each question of a paper."""
    return [(q.text, _answer_words(q, choices.get(str(q.position)))) for q in questions]


def _answer_words(question: Question, answer: Any) -> str:
    labels = {o.position: o.label for o in question.options.all()}
    if answer is None:
        return "(no answer)"
    if question.method == Method.YES_NO_ABSTAIN:
        return str(answer).capitalize()
    if question.method == Method.CHOOSE_ONE:
        return labels.get(answer, "?")
    if not answer:
        return "(none)"
    names = [labels.get(a, "?") for a in answer]
    if question.method == Method.APPROVAL:
        return ", ".join(names)
    return " · ".join(f"{i}. {name}" for i, name in enumerate(names, start=1))


def question_blt(ballot: Ballot, position: int, now: datetime) -> str:
    """A ranked question's papers as a BLT file (after the close), recountable with
    `python -m groundswell.democracy.counting FILE --rule irv|scottish --seed SEED`."""
    if now < ballot.closes_at:
        raise ResultsNotYet("The ballot papers are published when the ballot closes.")
    question = next((q for q in ballot_questions(ballot) if q.position == position), None)
    if question is None or question.method not in RANKED_RULES:
        raise Http404("No ranked question with that number.")
    papers = BallotPaper.objects.filter(ballot=ballot).values_list("choices", flat=True)
    key = str(position)
    answers = [p[key] for p in papers if key in p]
    return format_blt(ranked_election(question, answers))


@dataclass(frozen=True)
class StageRow:
    """One candidate across every stage of a ranked count."""

    name: str
    cells: list[tuple[str, str]]  # (votes, transfer) per stage
    mark: str  # "elected", "excluded" or ""
    final: str
    share: float  # final votes as a share of the chart's scale, 0-100


def stage_rows(result: Result) -> list[StageRow]:
    """Candidates × stages, for the results table and the bar chart of the final stage."""
    last = result.stages[-1] if result.stages else None
    scale = max([result.quota, *(last.votes.values() if last else [])], default=1) or 1
    rows = []
    for number, name in enumerate(result.candidates, start=1):
        cells = [
            (result.figure(s.votes.get(number, ZERO)), _signed(result, s.transfers.get(number)))
            for s in result.stages
        ]
        final = last.votes.get(number, ZERO) if last else ZERO
        mark = "elected" if number in result.elected else ""
        mark = mark or ("excluded" if number in result.excluded else "")
        rows.append(StageRow(name, cells, mark, result.figure(final), float(100 * final / scale)))
    return rows


def _signed(result: Result, value: Any) -> str:
    if not value:
        return ""
    return ("+" if value > 0 else "") + result.figure(value)


def non_transferable_cells(result: Result) -> list[str]:
    return [result.figure(s.non_transferable) for s in result.stages]
