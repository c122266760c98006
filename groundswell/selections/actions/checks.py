"""Checks the selection's actions share: who is acting, and whether nominations are open."""

from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied

from groundswell.core.access import acting_person_id
from groundswell.people.models import Person
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.eligibility import eligible_people, on_panel, organises
from groundswell.selections.models import Selection


def eligible_person(user: Any, selection: Selection) -> Person:
    person_id = acting_person_id(user)
    person = eligible_people(selection).filter(pk=person_id).first() if person_id else None
    if person is None:
        raise PermissionDenied("Only eligible members can stand and nominate in this selection.")
    return person


def require_organiser(user: Any, selection: Selection) -> None:
    if not organises(user, selection):
        raise PermissionDenied("Only the selection's organisers can do that.")


def panel_person(user: Any, selection: Selection) -> Person:
    person_id = acting_person_id(user)
    if person_id is None or not on_panel(user, selection):
        raise PermissionDenied("Only members of the selection panel record decisions.")
    return Person.objects.get(pk=person_id)


def require_nominations_open(selection: Selection, now: datetime) -> None:
    if now < selection.nominations_open:
        raise SelectionError("Nominations have not opened yet.")
    if now >= selection.nominations_close:
        raise SelectionError("Nominations have closed.")


def require_no_ballot(selection: Selection) -> None:
    if selection.ballot_id is not None:
        raise SelectionError("The ballot has been set up; the nominations are settled.")
