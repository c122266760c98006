"""Setting up a ballot: its electorate, times and questions, checked before anything is written."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.democracy.models import Ballot, Electorate, Method, Option, Question, Threshold
from groundswell.groups.models import Group
from groundswell.searches.models import SavedSearch
from groundswell.searches.usable import searches_usable_by


class BallotError(ValueError):
    """The ballot was not created; the message says why."""


@dataclass(frozen=True)
class QuestionSpec:
    text: str
    method: str
    options: tuple[str, ...] = ()
    seats: int = 1
    threshold: str = ""


@dataclass(frozen=True)
class Times:
    cut_off: datetime
    opens_at: datetime
    closes_at: datetime


def create_ballot(
    user: Any,
    title: str,
    times: Times,
    questions: Sequence[QuestionSpec],
    *,
    group: Group | None = None,
    search: SavedSearch | None = None,
    description: str = "",
) -> Ballot:
    """A ballot of all members (national roles), of a group (its organisers) or of a saved search
    the user may use. Its electorate is frozen later, by freeze_electorate."""
    electorate = _electorate(user, group, search)
    if not title.strip():
        raise BallotError("Give the ballot a title.")
    if not times.cut_off < times.opens_at < times.closes_at:
        # Equal cut-off and opening would leave no moment in which to freeze the electorate.
        raise BallotError(
            "The cut-off must come before the opening, and the opening before the close."
        )
    if not questions:
        raise BallotError("A ballot needs at least one question.")
    for spec in questions:
        _check_question(spec)
    with transaction.atomic():
        ballot = Ballot.objects.create(
            title=title.strip(), description=description, electorate=electorate, group=group,
            search=search, cut_off=times.cut_off, opens_at=times.opens_at,
            closes_at=times.closes_at, created_by=user,
        )  # fmt: skip
        for position, spec in enumerate(questions, start=1):
            _add_question(ballot, position, spec)
    return ballot


def _electorate(user: Any, group: Group | None, search: SavedSearch | None) -> str:
    if group is not None and search is not None:
        raise BallotError("Choose a group or a saved search, not both.")
    if group is not None:
        if not sees_everyone(user) and group.pk not in set(organised_group_ids(user)):
            raise BallotError("Only the group's organisers may hold a ballot of its members.")
        return Electorate.GROUP
    if search is not None:
        if not searches_usable_by(user).filter(pk=search.pk).exists():
            raise BallotError("You may not use that saved search.")
        return Electorate.SEARCH
    if not sees_everyone(user):
        raise BallotError("Only national organisers may hold a ballot of all members.")
    return Electorate.ALL_MEMBERS


def _check_question(spec: QuestionSpec) -> None:
    if spec.method not in Method.values:
        raise BallotError(f"Unknown voting method {spec.method!r}.")
    if not spec.text.strip():
        raise BallotError("Every question needs its text.")
    if spec.method == Method.YES_NO_ABSTAIN:
        if spec.threshold not in Threshold.values:
            raise BallotError("A yes/no question needs a threshold.")
        return
    if len(spec.options) < 2 or len(set(spec.options)) != len(spec.options):
        raise BallotError("A question needs at least two different options.")
    if spec.method == Method.STV and not 1 <= spec.seats < len(spec.options):
        raise BallotError("STV needs fewer seats than options, and at least one.")


def _add_question(ballot: Ballot, position: int, spec: QuestionSpec) -> None:
    question = Question.objects.create(
        ballot=ballot,
        position=position,
        text=spec.text.strip(),
        method=spec.method,
        seats=spec.seats if spec.method == Method.STV else 1,
        threshold=spec.threshold if spec.method == Method.YES_NO_ABSTAIN else "",
    )
    Option.objects.bulk_create(
        [
            Option(question=question, position=i, label=label)
            for i, label in enumerate(spec.options, 1)
        ]
    )
