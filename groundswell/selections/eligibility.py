"""Who takes part in a selection: eligible members (the group's members, or every member for a
national selection) stand and nominate; the panel decides; organisers set it up."""

from typing import Any

from django.db.models import QuerySet

from groundswell.core.access import acting_person_id
from groundswell.democracy.taking_part import members_of, organises_group
from groundswell.people.models import Person
from groundswell.selections.models import Selection


def eligible_people(selection: Selection) -> QuerySet[Person]:
    """The same electorate the selection's ballot will have (before its cut-off)."""
    return members_of(selection.group_id)


def is_eligible(user: Any, selection: Selection) -> bool:
    person_id = acting_person_id(user)
    if person_id is None:
        return False
    return eligible_people(selection).filter(pk=person_id).exists()


def organises(user: Any, selection: Selection) -> bool:
    """National roles organise every selection; a group's organisers organise its selections."""
    return organises_group(user, selection.group_id)


def on_panel(user: Any, selection: Selection) -> bool:
    person_id = acting_person_id(user)
    return person_id is not None and selection.panel.filter(pk=person_id).exists()
