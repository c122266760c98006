"""Every write to saved searches. A definition is stored only once it parses and compiles for the
user saving it, so a stored search always runs (until something it names is deleted)."""

import logging
from typing import Any

from django.db import transaction
from django.db.models import ProtectedError

from groundswell.groups.models import Group
from groundswell.people.queries import groups_visible_to
from groundswell.searches.compiler import compile_definition
from groundswell.searches.leaf_params import encodable
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import searches_using
from groundswell.searches.usable import searches_usable_by

log = logging.getLogger(__name__)

NAME_MAX = SavedSearch._meta.get_field("name").max_length or 200
DESCRIPTION_MAX = SavedSearch._meta.get_field("description").max_length or 300


class SearchRefused(ValueError):
    """A save or delete that cannot go ahead, with a message fit to show the organiser."""


def create_search(
    user: Any, *, name: str, definition: Any, description: str = "", group: Group | None = None
) -> SavedSearch:
    """A new saved search owned by `user` (DefinitionError or SearchRefused if it cannot be)."""
    name, description = _clean_text(name, description)
    _check_group(user, group, current=None)
    compile_definition(definition, user)
    search = SavedSearch.objects.create(
        name=name,
        description=description,
        group=group,
        definition=definition,
        owner=user,
        updated_by=user,
    )
    log.info("saved search %s created by user %s", search.pk, user.pk)
    return search


@transaction.atomic
def update_search(
    user: Any,
    search: SavedSearch,
    *,
    name: str,
    definition: Any,
    description: str = "",
    group: Group | None = None,
) -> SavedSearch:
    """Change a search `user` may edit (fetched with queries.get_search_for_user)."""
    name, description = _clean_text(name, description)
    _check_group(user, group, current=search.group_id)
    compile_definition(definition, user, search_id=search.pk)
    search.name, search.description, search.group = name, description, group
    search.definition, search.updated_by = definition, user
    search.save(
        update_fields=["name", "description", "group", "definition", "updated_by", "updated_at"]
    )
    log.info("saved search %s changed by user %s", search.pk, user.pk)
    return search


@transaction.atomic
def delete_search(user: Any, search: SavedSearch) -> None:
    """Delete a search, unless a call assignment, a texting campaign or another search uses it."""
    using = searches_using(search)
    if using:
        mine = searches_usable_by(user).filter(pk__in=[other.pk for other in using]).first()
        # Another organiser's private search is not named to someone who cannot open it.
        which = f"The saved search “{mine.name}”" if mine else "Another organiser's saved search"
        raise SearchRefused(f"{which} uses this one: it cannot be deleted while it does.")
    try:
        search.delete()
    except ProtectedError as error:
        uses = sorted({f"“{obj}”" for obj in error.protected_objects})
        raise SearchRefused(
            "Calling or texting uses this search as its audience ("
            + ", ".join(uses[:3])
            + "): it cannot be deleted while they do."
        ) from None
    log.info("saved search %s deleted by user %s", search.pk, user.pk)


def _clean_text(name: str, description: str) -> tuple[str, str]:
    name, description = (name or "").strip(), (description or "").strip()
    if not name:
        raise SearchRefused("Give the search a name.")
    if "\x00" in name + description or not encodable(name + description):
        raise SearchRefused("The name and description must be plain text, with no NUL characters.")
    if len(name) > NAME_MAX or len(description) > DESCRIPTION_MAX:
        raise SearchRefused(
            f"The name may be at most {NAME_MAX} characters and the description {DESCRIPTION_MAX}."
        )
    return name, description


def _check_group(user: Any, group: Group | None, current: int | None) -> None:
    """A search may be shared only with a group the user organises (or the one it already has)."""
    if group is None or group.pk == current:
        return
    if not groups_visible_to(user).filter(pk=group.pk).exists():
        raise SearchRefused("You can share a search only with a group you organise.")
