"""Reads of saved searches and of the people they match, scoped to what the reader may see.

Every match is one SQL query over people: the definition compiles to a Q (searches.compiler), and the
result is always intersected with people_visible_to(the user)."""

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from groundswell.people.keyset import capped_count, decode_cursor, keyset_page
from groundswell.people.models import Person
from groundswell.people.queries import Listing, people_visible_to, with_list_columns
from groundswell.searches.compiler import compile_definition
from groundswell.searches.definition import DefinitionError, leaves, parse
from groundswell.searches.models import SavedSearch
from groundswell.searches.usable import searches_usable_by

__all__ = [
    "LIST_CAP",
    "SearchSummary",
    "audience",
    "count_matching",
    "get_search_for_user",
    "matching",
    "search_people",
    "searches_usable_by",
    "searches_using",
    "searches_with_counts",
]

LIST_CAP = 100  # searches on the list page, each counted with its own query
COUNT_CAP = 100_000  # people counted on a search's page before saying "more than"


def matching(user: Any, definition: Any, *, search_id: int | None = None) -> QuerySet[Person]:
    """The people `user` may see who match `definition` (raises DefinitionError if it is invalid
    or names something `user` may not use). Lazy: one query when evaluated."""
    return people_visible_to(user).filter(compile_definition(definition, user, search_id=search_id))


def audience(search: SavedSearch) -> QuerySet[Person]:
    """The people a saved search matches now, as its owner may see them (the audience of a call
    assignment or a texting campaign is what the organiser who made the search could see).
    Raises DefinitionError if the search no longer compiles (say, a tag it names was deleted)."""
    return matching(search.owner, search.definition, search_id=search.pk)


def count_matching(user: Any, definition: Any, *, search_id: int | None = None) -> int:
    return matching(user, definition, search_id=search_id).count()


def get_search_for_user(user: Any, pk: int) -> SavedSearch:
    return get_object_or_404(searches_usable_by(user).select_related("owner", "group"), pk=pk)


@dataclass
class SearchSummary:
    """A search on the list page: how many people it matches for this user, or why it cannot run."""

    search: SavedSearch
    count: int | None
    error: str | None


def searches_with_counts(user: Any, limit: int = LIST_CAP) -> tuple[list[SearchSummary], bool]:
    """The user's searches (first `limit` by name), each counted: the summaries, and whether
    there were more than `limit`."""
    found = list(searches_usable_by(user).select_related("owner", "group")[: limit + 1])
    summaries = []
    for search in found[:limit]:
        try:
            count: int | None = count_matching(user, search.definition, search_id=search.pk)
            error = None
        except DefinitionError as problem:
            count, error = None, str(problem)
        summaries.append(SearchSummary(search, count, error))
    return summaries, len(found) > limit


def search_people(
    user: Any,
    search: SavedSearch,
    *,
    size: int = 50,
    after: str | None = None,
    before: str | None = None,
) -> Listing:
    """A page of the people a search matches for `user`, in name order with keyset paging (the
    people list's look), and how many match (counted up to COUNT_CAP)."""
    people = matching(user, search.definition, search_id=search.pk)
    count, more = capped_count(people, COUNT_CAP)
    after, before = _usable_cursor(after), _usable_cursor(before)
    page = keyset_page(with_list_columns(people), size, after, before)
    return Listing(page, count, more)


def _usable_cursor(cursor: str | None) -> str | None:
    """The cursor, or None (the first page) for one holding a NUL, which PostgreSQL refuses."""
    key = decode_cursor(cursor)
    return cursor if key is not None and "\x00" not in key[0] + key[1] else None


def searches_using(search: SavedSearch) -> list[SavedSearch]:
    """Other saved searches that use this one (whoever owns them). Reads every search's definition:
    there are hundreds of searches, not millions, and JSON containment differs between databases."""
    using = []
    others = SavedSearch.objects.exclude(pk=search.pk).only("id", "name", "definition")
    for other in others.iterator():
        try:
            tree = parse(other.definition)
        except DefinitionError:
            continue
        named = (leaf.params["search"] for leaf in leaves(tree) if leaf.name == "in_search")
        if search.pk in named:
            using.append(other)
    return using
