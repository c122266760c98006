"""Checking a voter's answers against each question's method, and putting them in the form stored on
a paper: {question position (as text): answer}, options named by their position on the question."""

from collections.abc import Mapping
from typing import Any

from groundswell.democracy.models import Ballot, Method, Question

YES_NO_ABSTAIN = ("yes", "no", "abstain")


class VoteRefused(ValueError):
    """The vote was not recorded; the message says why, in words a voter can act on."""


def paper_choices(ballot: Ballot, answers: Mapping[int, Any]) -> dict[str, Any]:
    """Every question answered, each answer valid for its method; raises VoteRefused otherwise."""
    questions = list(ballot.questions.prefetch_related("options"))
    known = {q.position for q in questions}
    unknown = set(answers) - known
    if unknown:
        raise VoteRefused(f"This ballot has no question {min(unknown)}.")
    choices: dict[str, Any] = {}
    for question in questions:
        if question.position not in answers:
            raise VoteRefused(f"Question {question.position} has no answer.")
        choices[str(question.position)] = _checked(question, answers[question.position])
    return choices


def _checked(question: Question, answer: Any) -> Any:
    options = {o.position for o in question.options.all()}
    where = f"Question {question.position}"
    if question.method == Method.YES_NO_ABSTAIN:
        if answer not in YES_NO_ABSTAIN:
            raise VoteRefused(f"{where}: answer yes, no or abstain.")
        return answer
    if question.method == Method.CHOOSE_ONE:
        if not _is_option(answer, options):
            raise VoteRefused(f"{where}: choose one of the options.")
        return answer
    picks = _option_list(where, answer, options)
    if question.method == Method.APPROVAL:
        return sorted(picks)  # a set: order carries no meaning and must not identify the voter
    if not picks:
        raise VoteRefused(f"{where}: rank at least one option.")
    return picks


def _is_option(value: Any, options: set[int]) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in options


def _option_list(where: str, answer: Any, options: set[int]) -> list[int]:
    if not isinstance(answer, list | tuple) or not all(_is_option(v, options) for v in answer):
        raise VoteRefused(f"{where}: name only options on the ballot.")
    if len(set(answer)) != len(answer):
        raise VoteRefused(f"{where}: name each option at most once.")
    return list(answer)
