"""Counting the papers of one question by its method. Works from the published papers alone, so anyone
holding the anonymised list can recount: yes/no against a threshold, plurality, approval, and ranked
questions through the counting package (instant runoff, or Scottish STV for several winners)."""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from groundswell.democracy.counting import Ballot, Election, Result, count
from groundswell.democracy.models import Method, Question, Threshold

RANKED_RULES: dict[str, str] = {Method.IRV.value: "irv", Method.STV.value: "scottish"}


@dataclass(frozen=True)
class QuestionResult:
    """One question's outcome. `counts` is label → votes (for yes/no: "yes", "no", "abstain");
    `passed` is set for yes/no questions; `ranked` holds the stage-by-stage count of ranked ones."""

    position: int
    text: str
    method: str
    papers: int
    counts: dict[str, int] = field(default_factory=dict)
    winners: tuple[str, ...] = ()
    passed: bool | None = None
    ranked: Result | None = None


def tally_question(
    question: Question, papers: Sequence[dict[str, Any]], seed: int
) -> QuestionResult:
    answers = [p[str(question.position)] for p in papers if str(question.position) in p]
    if question.method == Method.YES_NO_ABSTAIN:
        return _yes_no(question, answers)
    labels = {o.position: o.label for o in question.options.all()}
    if question.method in RANKED_RULES:
        result = count(ranked_election(question, answers), RANKED_RULES[question.method], seed)
        won = tuple(result.name(c) for c in result.elected)
        return _result(question, len(answers), winners=won, ranked=result)
    marks = Counter(
        labels[a] for answer in answers for a in (answer if isinstance(answer, list) else [answer])
    )
    counts = {label: marks[label] for label in labels.values()}
    top = max(counts.values(), default=0)
    winners = tuple(k for k, v in counts.items() if v == top and top > 0)  # ties shown as ties
    return _result(question, len(answers), counts=counts, winners=winners)


def _yes_no(question: Question, answers: list[Any]) -> QuestionResult:
    counts = {k: answers.count(k) for k in ("yes", "no", "abstain")}
    yes, no = counts["yes"], counts["no"]
    # Abstentions are counted and shown but are not votes cast for the threshold.
    if question.threshold == Threshold.TWO_THIRDS:
        passed = yes > 0 and 3 * yes >= 2 * (yes + no)
    else:
        passed = yes > no
    return _result(question, len(answers), counts=counts, passed=passed)


def _result(question: Question, papers: int, **outcome: Any) -> QuestionResult:
    return QuestionResult(
        position=question.position,
        text=question.text,
        method=question.method,
        papers=papers,
        **outcome,
    )


def ranked_election(question: Question, answers: Sequence[list[int]]) -> Election:
    """The question as the counting package sees it: options numbered by position, one ballot
    per distinct ranking with its weight."""
    options = list(question.options.all())
    number = {o.position: i for i, o in enumerate(options, start=1)}
    rankings = Counter(tuple(number[p] for p in answer) for answer in answers)
    return Election(
        candidates=tuple(o.label for o in options),
        seats=question.seats if question.method == Method.STV else 1,
        ballots=tuple(Ballot(weight, prefs) for prefs, weight in sorted(rankings.items())),
        title=question.text,
    )
