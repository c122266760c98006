"""Opening a new amendment window on a document, once the last round is decided: documents are
amended round after round, each round's amendments proposed against the version then current."""

from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.constitution.actions.errors import ConstitutionError
from groundswell.constitution.eligibility import organises
from groundswell.constitution.models import Document, Status


def open_amendment_window(
    user: Any, document: Document, opens: datetime, closes: datetime, now: datetime
) -> Document:
    if not organises(user, document):
        raise ConstitutionError("Only the document's organisers may open an amendment window.")
    if not now < closes or not opens < closes:
        raise ConstitutionError("The window must open before it closes, and close in the future.")
    with transaction.atomic():
        locked = Document.objects.select_for_update().get(pk=document.pk)
        if now < locked.amendments_close:
            raise ConstitutionError("The current amendment window has not closed yet.")
        if locked.amendments.filter(status__in=[Status.PROPOSED, Status.BALLOTED]).exists():
            raise ConstitutionError(
                "Put this round's seconded amendments to the vote and apply the result first."
            )
        Document.objects.filter(pk=locked.pk).update(amendments_open=opens, amendments_close=closes)
    document.refresh_from_db()
    return document
