"""Who takes part in a selection: eligible members (the group's members, or every member for a
national selection) stand and nominate; the panel decides; organisers set it up."""

from typing import Any

from django.db.models import QuerySet

from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.groups.models import Membership
from groundswell.people.models import Person
from groundswell.selections.models import Selection


def eligible_people(selection: Selection) -> QuerySet[Person]:
    """The same electorate the selection's ballot will have (before its cut-off)."""
    if selection.group_id is None:
        return Person.objects.filter(membership_status="member")
    joined = Membership.objects.filter(group_id=selection.group_id)
    return Person.objects.filter(pk__in=joined.values("person_id"))


def is_eligible(user: Any, selection: Selection) -> bool:
    person_id = acting_person_id(user)
    if person_id is None:
        return False
    return eligible_people(selection).filter(pk=person_id).exists()


def organises(user: Any, selection: Selection) -> bool:
    """National roles organise every selection; a group's organisers organise its selections."""
    if sees_everyone(user):
        return True
    return selection.group_id is not None and selection.group_id in set(organised_group_ids(user))


def on_panel(user: Any, selection: Selection) -> bool:
    person_id = acting_person_id(user)
    return person_id is not None and selection.panel.filter(pk=person_id).exists()
