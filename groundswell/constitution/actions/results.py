"""After the ballot closes: recording which amendments were adopted and writing the consolidated
new version, each clause keeping its identity (and so its history) through renumbering."""

from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.constitution.actions.errors import ConstitutionError
from groundswell.constitution.consolidation import Change, consolidate
from groundswell.constitution.eligibility import organises
from groundswell.constitution.models import (
    Amendment,
    Clause,
    ClauseText,
    Document,
    Status,
    Version,
)
from groundswell.constitution.versions import current_version
from groundswell.democracy.actions import ResultsNotYet
from groundswell.democracy.queries import results


def apply_results(user: Any, document: Document, now: datetime) -> Version:
    """Decide every balloted amendment from the ballot's result; the version now current."""
    if not organises(user, document):
        raise ConstitutionError("Only the document's organisers may apply the results.")
    with transaction.atomic():
        Document.objects.select_for_update().get(pk=document.pk)  # applied once, not twice
        balloted = list(
            document.amendments.filter(status=Status.BALLOTED).order_by("question_position")
        )
        if not balloted:
            raise ConstitutionError("No amendments are waiting for a result.")
        ballot = balloted[0].ballot
        assert ballot is not None  # a balloted amendment always has its ballot
        try:
            passed = {r.position: bool(r.passed) for r in results(ballot, now)}
        except ResultsNotYet as exc:
            raise ConstitutionError(
                "The ballot has not closed yet; apply the results after it."
            ) from exc
        adopted = [a for a in balloted if passed.get(a.question_position or 0)]
        version = current_version(document)
        fell = _write_version(document, version, adopted, ballot, now) if adopted else set()
        for amendment in balloted:
            status = Status.ADOPTED if amendment in adopted else Status.REJECTED
            status = Status.FELL if amendment.pk in fell else status
            Amendment.objects.filter(pk=amendment.pk).update(status=status, decided_at=now)
    return current_version(document)


def _write_version(
    document: Document, old: Version, adopted: list[Amendment], ballot: Any, now: datetime
) -> set[int]:
    """Write the next version; the ids of adopted amendments that fell to earlier ones."""
    rows = list(old.texts.order_by("number"))
    changes = [Change(a.pk, a.kind, a.clause_id, a.text) for a in adopted]
    outcome = consolidate([(r.clause_id, r.text) for r in rows], changes)
    previous = {r.clause_id: r for r in rows}
    new = Version.objects.create(
        document=document, number=old.number + 1, created_at=now, ballot=ballot
    )
    texts = []
    for number, entry in enumerate(outcome.entries, start=1):
        if entry.clause is None:
            clause_id = Clause.objects.create(document=document).pk
            amendment_id = entry.amendment
        else:
            clause_id = entry.clause
            # An unchanged clause carries forward what last changed it, so any version's page can
            # name the amendment behind each clause's wording.
            amendment_id = entry.amendment or previous[entry.clause].amendment_id
        texts.append(ClauseText(version=new, clause_id=clause_id, number=number, text=entry.text,
                                amendment_id=amendment_id))  # fmt: skip
    ClauseText.objects.bulk_create(texts)
    return set(outcome.fell)
