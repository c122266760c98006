"""Freezing a ballot's electorate: who may vote is decided once, as things stood at the cut-off,
and written down as Elector rows that organisers can check before the ballot opens."""

import logging
from datetime import datetime

from django.db import transaction
from django.db.models import QuerySet

from groundswell.democracy.models import Ballot, Elector, Electorate
from groundswell.groups.models import Membership
from groundswell.people.models import Person
from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import audience

logger = logging.getLogger(__name__)


class ElectorateError(ValueError):
    """The electorate could not be frozen now; the message says why."""


def freeze_electorate(ballot: Ballot, now: datetime) -> int:
    """Write the electorate at the cut-off as Elector rows; returns how many. Once only, after the
    cut-off and before the ballot opens."""
    with transaction.atomic():
        ballot = Ballot.objects.select_for_update().get(pk=ballot.pk)
        if ballot.frozen_at is not None:
            raise ElectorateError("The electorate is already frozen.")
        if now < ballot.cut_off:
            raise ElectorateError("The electorate can only be frozen after the cut-off.")
        if now >= ballot.opens_at:
            raise ElectorateError("The ballot has opened; its electorate can no longer be frozen.")
        ids = list(eligible_people(ballot).values_list("pk", flat=True).distinct())
        Elector.objects.bulk_create(
            [Elector(ballot=ballot, person_id=pk) for pk in ids], batch_size=2000
        )
        Ballot.objects.filter(pk=ballot.pk).update(frozen_at=now)
    return len(ids)


def freeze_due_electorates(now: datetime) -> list[int]:
    """Freeze every ballot past its cut-off that is neither frozen nor open yet; the ids frozen.
    Safe to run twice and side by side: freeze_electorate locks the ballot and re-checks it, so a
    ballot frozen meanwhile (or one that cannot be frozen) is skipped, not frozen twice."""
    due = Ballot.objects.filter(frozen_at__isnull=True, cut_off__lte=now, opens_at__gt=now)
    frozen = []
    for ballot in due.order_by("opens_at", "pk"):
        try:
            freeze_electorate(ballot, now)
        except ElectorateError as exc:
            logger.warning("Ballot %s was not frozen: %s", ballot.pk, exc)
        else:
            frozen.append(ballot.pk)
    return frozen


def eligible_people(ballot: Ballot) -> QuerySet[Person]:
    """The people the ballot's electorate names, as of its cut-off."""
    if ballot.electorate == Electorate.ALL_MEMBERS:
        return Person.objects.filter(
            membership_status="member", member_since__lte=ballot.cut_off.date()
        )
    if ballot.electorate == Electorate.GROUP:
        joined = Membership.objects.filter(group__ballots=ballot, joined_at__lte=ballot.cut_off)
        return Person.objects.filter(pk__in=joined.values("person_id"))
    if ballot.search is None:
        raise ElectorateError("This ballot's electorate names no saved search.")
    # The search as its owner sees it at the moment of freezing: a search cannot look back in time.
    try:
        return audience(ballot.search)
    except DefinitionError as exc:
        raise ElectorateError(f"The saved search can no longer be used: {exc}") from exc
