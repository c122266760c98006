"""Reads of saved searches and of the people they match, scoped to what the reader may see.

Every match is one SQL query over people: the definition compiles to a Q (searches.compiler), and the
result is always intersected with people_visible_to(the user)."""

from typing import Any

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.people.models import Person
from groundswell.people.queries import people_visible_to
from groundswell.searches.compiler import compile_definition
from groundswell.searches.models import SavedSearch


def matching(user: Any, definition: Any) -> QuerySet[Person]:
    """The people `user` may see who match `definition` (raises DefinitionError if it is invalid)."""
    return people_visible_to(user).filter(compile_definition(definition, user))


def audience(search: SavedSearch) -> QuerySet[Person]:
    """The people a saved search matches now, as its owner may see them (the audience of a call
    assignment or a texting campaign is what the organiser who made the search could see)."""
    return matching(search.owner, search.definition)


def searches_usable_by(user: Any) -> QuerySet[SavedSearch]:
    """Searches this user may use and edit: their own, and those shared with groups they organise."""
    if sees_everyone(user):
        return SavedSearch.objects.all()
    if not user.is_authenticated:
        return SavedSearch.objects.none()
    return SavedSearch.objects.filter(Q(owner=user) | Q(group_id__in=organised_group_ids(user)))


def get_search_for_user(user: Any, pk: int) -> SavedSearch:
    return get_object_or_404(searches_usable_by(user).select_related("owner"), pk=pk)
