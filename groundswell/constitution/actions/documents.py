"""Setting up a document: its rules for amendments and version 1, the text as pasted."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.constitution.actions.errors import ConstitutionError
from groundswell.constitution.models import Clause, ClauseText, Document, Version
from groundswell.constitution.splitting import SplitError, split_clauses
from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.democracy.models import Threshold
from groundswell.groups.models import Group

MAX_SECONDERS = 100


@dataclass(frozen=True)
class DocumentSpec:
    title: str
    text: str
    amendments_open: datetime
    amendments_close: datetime
    threshold: str = Threshold.TWO_THIRDS
    seconders_required: int = 2
    group: Group | None = None


def create_document(user: Any, spec: DocumentSpec, now: datetime) -> Document:
    """A national document (national roles only) or a group's (its organisers), with version 1."""
    _check_may_create(user, spec.group)
    _check_spec(spec)
    try:
        clauses = split_clauses(spec.text)
    except SplitError as exc:
        raise ConstitutionError(str(exc)) from exc
    with transaction.atomic():
        document = Document.objects.create(
            title=spec.title.strip(), group=spec.group, threshold=spec.threshold,
            seconders_required=spec.seconders_required, amendments_open=spec.amendments_open,
            amendments_close=spec.amendments_close, created_by=user,
        )  # fmt: skip
        version = Version.objects.create(document=document, number=1, created_at=now)
        made = Clause.objects.bulk_create([Clause(document=document) for _ in clauses])
        ClauseText.objects.bulk_create(
            ClauseText(version=version, clause=clause, number=n, text=text)
            for n, (clause, text) in enumerate(zip(made, clauses, strict=True), start=1)
        )
    return document


def _check_may_create(user: Any, group: Group | None) -> None:
    if group is None:
        if not sees_everyone(user):
            raise ConstitutionError("Only national organisers may create a national document.")
    elif not sees_everyone(user) and group.pk not in set(organised_group_ids(user)):
        raise ConstitutionError("Only the group's organisers may create its documents.")


def _check_spec(spec: DocumentSpec) -> None:
    if not spec.title.strip() or len(spec.title.strip()) > 200:
        raise ConstitutionError("Give the document a title of at most 200 characters.")
    if spec.threshold not in Threshold.values:
        raise ConstitutionError("Choose a simple or a two-thirds majority for amendments.")
    if not 0 <= spec.seconders_required <= MAX_SECONDERS:
        raise ConstitutionError(f"Seconders required must be between 0 and {MAX_SECONDERS}.")
    if not spec.amendments_open < spec.amendments_close:
        raise ConstitutionError("The amendment window must open before it closes.")
