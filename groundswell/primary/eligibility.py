"""Who takes part in a primary: its eligible members (the group's members, or every member for a
national primary) and its organisers (the group's organisers, or the national roles)."""

import math
from typing import Any

from django.db.models import QuerySet

from groundswell.core.access import acting_person_id
from groundswell.democracy.taking_part import members_of, organises_group
from groundswell.people.models import Person
from groundswell.primary.models import Primary, ThresholdKind


def eligible_people(primary: Primary) -> QuerySet[Person]:
    """The same electorate a ballot of the group (or of all members) would have."""
    return members_of(primary.group_id)


def is_eligible(user: Any, primary: Primary) -> bool:
    """May this user submit and support proposals (as their proved person record)?"""
    person_id = acting_person_id(user)
    if person_id is None:
        return False
    return eligible_people(primary).filter(pk=person_id).exists()


def organises(user: Any, primary: Primary) -> bool:
    """National roles organise every primary; a group's organisers organise its primaries."""
    return organises_group(user, primary.group_id)


def required_support(primary: Primary) -> int:
    """Supporters a proposal needs: the number set, or the percentage of eligible members now
    (rounded up, and at least one)."""
    if primary.threshold_kind == ThresholdKind.NUMBER:
        return primary.threshold_value
    eligible = eligible_people(primary).count()
    return max(1, math.ceil(eligible * primary.threshold_value / 100))
