"""Reads of constitution documents scoped to who asks. The text of a document is not personal data,
but a national document is for members and a group's for its members and organisers. Who seconded
what is a political opinion: members see counts; only organisers get names (seconders_for_organiser)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from groundswell.constitution.eligibility import organises
from groundswell.constitution.models import (
    Amendment,
    Clause,
    ClauseText,
    Document,
    Kind,
    Seconding,
    Status,
    Version,
)
from groundswell.constitution.versions import current_version
from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.groups.models import Membership

OPEN = (Status.PROPOSED, Status.BALLOTED)


def documents_visible_to(user: Any) -> QuerySet[Document]:
    if not user.is_authenticated:
        return Document.objects.none()
    if sees_everyone(user):
        return Document.objects.all()
    joined = Membership.objects.filter(person_id=acting_person_id(user) or 0).values("group_id")
    return Document.objects.filter(
        Q(group__isnull=True) | Q(group_id__in=joined) | Q(group_id__in=organised_group_ids(user))
    )


def get_document_for_user(user: Any, pk: int) -> Document:
    return get_object_or_404(documents_visible_to(user).select_related("group"), pk=pk)


def get_document_for_organiser(user: Any, pk: int) -> Document:
    document = get_document_for_user(user, pk)
    if not organises(user, document):
        raise PermissionDenied("Only the document's organisers may do this.")
    return document


def get_clause_for_user(user: Any, pk: int) -> Clause:
    return get_object_or_404(
        Clause.objects.select_related("document"), pk=pk, document__in=documents_visible_to(user)
    )


def get_amendment_for_user(user: Any, pk: int) -> Amendment:
    found = Amendment.objects.filter(document__in=documents_visible_to(user)).annotate(
        seconders=Count("secondings")
    )
    return get_object_or_404(found.select_related("document", "clause", "version"), pk=pk)


def version_text(document: Document, number: int | None = None) -> tuple[Version, list[ClauseText]]:
    """A version (the current one if `number` is None) and its clauses in order."""
    if number is None:
        version = current_version(document)
    else:
        found = document.versions.filter(number=number).first()
        if found is None:
            raise Http404("No such version.")
        version = found
    return version, list(version.texts.select_related("amendment").order_by("number"))


def open_amendments(document: Document) -> dict[int, list[Amendment]]:
    """Amendments gathering seconders or on a ballot, by the clause they amend, with counts."""
    rows = document.amendments.filter(status__in=OPEN).annotate(seconders=Count("secondings"))
    by_clause: dict[int, list[Amendment]] = {}
    for amendment in rows.order_by("proposed_at", "pk"):
        by_clause.setdefault(amendment.clause_id, []).append(amendment)
    return by_clause


def has_seconded(user: Any, amendment: Amendment) -> bool:
    person_id = acting_person_id(user)
    if person_id is None:
        return False
    return Seconding.objects.filter(amendment=amendment, person_id=person_id).exists()


def clause_number(amendment: Amendment) -> int | None:
    """The amended clause's number in the version the amendment was proposed against."""
    row = ClauseText.objects.filter(version=amendment.version, clause=amendment.clause).first()
    return row.number if row else None


def amendments_for_organiser(document: Document) -> QuerySet[Amendment]:
    """Every amendment with its proposer and seconders by name: call only after organises()."""
    return (
        document.amendments.select_related("proposer", "clause")
        .prefetch_related("secondings__person")
        .annotate(seconders=Count("secondings"))
        .order_by("proposed_at", "pk")
    )


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    at: datetime
    number: int | None  # None: deleted in this version
    text: str
    amendment: Amendment | None
    kind: str = ""


def clause_history(clause: Clause) -> list[HistoryEntry]:
    """Each wording the clause has had, oldest first, with the amendment that gave it; and its
    deletion, if it was deleted."""
    rows = clause.texts.select_related("version", "amendment").order_by("version__number")
    entries: list[HistoryEntry] = []
    last_version = 0
    for row in rows:
        if not entries or entries[-1].text != row.text:
            entries.append(HistoryEntry(row.version.number, row.version.created_at, row.number,
                                        row.text, row.amendment))  # fmt: skip
        last_version = row.version.number
    deletion = clause.amendments.filter(kind=Kind.DELETE, status=Status.ADOPTED).first()
    if deletion is not None:
        entries.append(HistoryEntry(last_version + 1, deletion.decided_at or deletion.proposed_at,
                                    None, "", deletion, Kind.DELETE))  # fmt: skip
    return entries
