"""Members proposing and seconding amendments, inside the document's amendment window."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils.timezone import localtime

from groundswell.constitution.actions.errors import ConstitutionError
from groundswell.constitution.eligibility import is_eligible
from groundswell.constitution.models import (
    Amendment,
    Clause,
    ClauseText,
    Document,
    Kind,
    Seconding,
    Status,
)
from groundswell.constitution.splitting import SplitError, clean_clause
from groundswell.constitution.versions import current_version
from groundswell.people.models import Person

MAX_REASON_CHARS = 5000


def propose_amendment(
    member: Person | None, clause: Clause, kind: str, text: str, reason: str, now: datetime
) -> Amendment:
    """An amendment to `clause` as it reads in the current version, by an eligible member (the
    person a signed-in user acts as; None for an account not linked to a proved record)."""
    document = clause.document
    person_id = _member_in_window(member, document, now, "propose amendments")
    version = current_version(document)
    current = ClauseText.objects.filter(version=version, clause=clause).first()
    if current is None:
        raise ConstitutionError("That clause is not in the current text.")
    new_text = _checked_text(kind, text, current.text)
    reason = reason.strip()
    if not reason or len(reason) > MAX_REASON_CHARS:
        raise ConstitutionError(f"Give a reason of at most {MAX_REASON_CHARS} characters.")
    return Amendment.objects.create(
        document=document, clause=clause, version=version, kind=kind, text=new_text,
        reason=reason, proposer_id=person_id, proposed_at=now,
    )  # fmt: skip


def second_amendment(member: Person | None, amendment: Amendment, now: datetime) -> Seconding:
    """Second once, not one's own amendment; the database refuses a second seconding too."""
    person_id = _member_in_window(member, amendment.document, now, "second amendments")
    if amendment.status != Status.PROPOSED:
        raise ConstitutionError("This amendment is no longer open for seconding.")
    if amendment.proposer_id == person_id:
        raise ConstitutionError("You proposed this amendment; another member must second it.")
    try:
        with transaction.atomic():
            return Seconding.objects.create(
                amendment=amendment, person_id=person_id, seconded_at=now
            )
    except IntegrityError as exc:
        raise ConstitutionError("You have already seconded this amendment.") from exc


def _member_in_window(member: Person | None, document: Document, now: datetime, doing: str) -> int:
    if member is None or not is_eligible(member, document):
        raise ConstitutionError(f"Only members who may amend this document can {doing}.")
    if not document.amendments_open <= now < document.amendments_close:
        opens, closes = localtime(document.amendments_open), localtime(document.amendments_close)
        raise ConstitutionError(
            "The amendment window is closed: amendments are taken from "
            f"{opens:%d %b %Y %H:%M} to {closes:%d %b %Y %H:%M} (UK time)."
        )
    return member.pk


def _checked_text(kind: str, text: str, current: str) -> str:
    if kind not in Kind.values:
        raise ConstitutionError("Choose whether to replace, delete or insert after the clause.")
    if kind == Kind.DELETE:
        return ""
    try:
        cleaned = clean_clause(text, numbered=False)
    except SplitError as exc:
        raise ConstitutionError(str(exc)) from exc
    if not cleaned:
        raise ConstitutionError("Give the new text of the clause.")
    if kind == Kind.REPLACE and cleaned == current:
        raise ConstitutionError("The new text is the same as the clause's current text.")
    return cleaned
