"""The organiser putting the seconded amendments to one ballot: a yes/no/abstain question per
amendment with the document's threshold, in the order they were proposed (the ballot order that
settles conflicts, see consolidation.py). Amendments without enough seconders lapse."""

from datetime import datetime
from typing import Any

from django.db import transaction
from django.db.models import Count

from groundswell.constitution.actions.errors import ConstitutionError
from groundswell.constitution.eligibility import organises
from groundswell.constitution.models import Amendment, ClauseText, Document, Kind, Status
from groundswell.constitution.versions import current_version
from groundswell.democracy.actions import BallotError, QuestionSpec, Times, create_ballot
from groundswell.democracy.models import Ballot, Method

QUESTION_CHARS = 500


def put_amendments_to_vote(user: Any, document: Document, times: Times, now: datetime) -> Ballot:
    if not organises(user, document):
        raise ConstitutionError("Only the document's organisers may put amendments to the vote.")
    if now < document.amendments_close:
        raise ConstitutionError("Wait for the amendment window to close: seconders may still come.")
    with transaction.atomic():
        Document.objects.select_for_update().get(pk=document.pk)  # one ballot at a time
        pending = document.amendments.filter(status=Status.PROPOSED).annotate(n=Count("secondings"))
        version = current_version(document)
        ready = [
            a for a in pending if a.n >= document.seconders_required and a.version_id == version.pk
        ]
        if not ready:
            raise ConstitutionError("No amendment has enough seconders to go to the vote.")
        numbers = dict(
            ClauseText.objects.filter(version=version).values_list("clause_id", "number")
        )
        questions = [_question(a, numbers[a.clause_id], document) for a in ready]
        try:
            ballot = create_ballot(user, f"Amendments to {document.title}", times, questions,
                                   group=document.group, description=_description(document))  # fmt: skip
        except BallotError as exc:
            raise ConstitutionError(str(exc)) from exc
        for position, amendment in enumerate(ready, start=1):
            Amendment.objects.filter(pk=amendment.pk).update(
                status=Status.BALLOTED, ballot=ballot, question_position=position
            )
        pending.exclude(pk__in=[a.pk for a in ready]).update(status=Status.LAPSED, decided_at=now)
    return ballot


def _question(amendment: Amendment, number: int, document: Document) -> QuestionSpec:
    if amendment.kind == Kind.DELETE:
        text = f"Amendment {amendment.pk}: delete clause {number}."
    else:
        verb = "replace clause" if amendment.kind == Kind.REPLACE else "after clause"
        what = "to read" if amendment.kind == Kind.REPLACE else "insert"
        text = f"Amendment {amendment.pk}: {verb} {number}, {what}: “{amendment.text}”"
    if len(text) > QUESTION_CHARS:
        text = text[: QUESTION_CHARS - 2] + "…”"
    return QuestionSpec(text, Method.YES_NO_ABSTAIN, threshold=document.threshold)


def _description(document: Document) -> str:
    return (
        f"Each amendment to {document.title} needs a {document.get_threshold_display().lower()} "
        "of yes over no votes (abstentions are not counted). Amendments are taken in order: if an "
        "amendment replacing or deleting a clause is adopted, a later one replacing or deleting "
        "the same clause falls. The full text of each amendment is on the constitution pages."
    )
