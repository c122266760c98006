"""Who takes part in a document's amendments: its eligible members (the group's members, or every
member for a national document) propose and second; its organisers (the group's organisers, or the
national roles) put amendments to the vote and apply the results."""

from typing import Any

from django.db.models import QuerySet

from groundswell.constitution.models import Document
from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.democracy.taking_part import members_of, organises_group
from groundswell.people.models import Person


def eligible_people(document: Document) -> QuerySet[Person]:
    """The same people a ballot of the group (or of all members) would reach."""
    return members_of(document.group_id)


def acting_member(user: Any) -> Person | None:
    """The person record a signed-in user acts as (see core.access.acting_person_id), if any."""
    person_id = acting_person_id(user)
    return None if person_id is None else Person.objects.filter(pk=person_id).first()


def is_eligible(person: Person | None, document: Document) -> bool:
    """May this person propose and second amendments to `document`?"""
    return person is not None and eligible_people(document).filter(pk=person.pk).exists()


def organises(user: Any, document: Document) -> bool:
    return organises_group(user, document.group_id)


def may_create(user: Any) -> bool:
    """National roles create national documents and any group's; organisers their groups'."""
    return sees_everyone(user) or organised_group_ids(user).exists()
