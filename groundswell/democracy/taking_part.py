"""Who takes part in the movement's decisions of a group, or of the whole movement: the rule that
ballots, the Policy Primary, candidate selection and constitution drafting share."""

from typing import Any

from django.db.models import QuerySet

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.groups.models import Membership
from groundswell.people.models import Person


def members_of(group_id: int | None) -> QuerySet[Person]:
    """The group's members; for the whole movement (no group), everyone whose status is member."""
    if group_id is None:
        return Person.objects.filter(membership_status="member")
    joined = Membership.objects.filter(group_id=group_id)
    return Person.objects.filter(pk__in=joined.values("person_id"))


def organises_group(user: Any, group_id: int | None) -> bool:
    """National roles organise every decision; a group's organisers organise their group's."""
    if sees_everyone(user):
        return True
    return group_id is not None and group_id in set(organised_group_ids(user))
