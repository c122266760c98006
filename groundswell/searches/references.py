"""What a definition names, looked up once before it compiles, and checked against what the user may
use: the saved searches it uses (one query per level of nesting, at most MAX_SEARCH_NESTING), then
every tag, group, constituency, question, event, custom field and postcode named anywhere in the
expanded tree, one query per kind that appears (postcodes: geo's locate_many, a handful at most).

An id that does not exist and one the user may not use get the same answer, so a search cannot be
used to learn what exists in another group."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from groundswell.core.access import sees_everyone
from groundswell.events.models import Event, EventKind
from groundswell.events.queries import visible_events
from groundswell.geo.models import Constituency
from groundswell.geo.queries import Location, LocationError, locate_many
from groundswell.people.models import CustomField, Tag
from groundswell.people.queries import groups_visible_to
from groundswell.searches.definition import DefinitionError, Leaf, Node, leaves, parse
from groundswell.searches.usable import questions_usable_by, searches_usable_by

MAX_SEARCH_NESTING = 3  # levels of saved searches below the one being compiled


@dataclass
class Resolved:
    """Everything the compiler needs from the database, fetched before it starts."""

    user: Any
    trees: dict[int, Node] = field(default_factory=dict)  # saved searches used, parsed
    places: dict[str, Location] = field(default_factory=dict)  # by postcode as written
    options: dict[int, tuple[str, ...]] = field(default_factory=dict)  # question -> its answers
    fields: dict[str, CustomField] = field(default_factory=dict)
    event_scope: QuerySet[Event] | None = None  # None: every event counts


def resolve(tree: Node, user: Any, search_id: int | None = None) -> Resolved:
    """Look up and check what `tree` names; `search_id` is the saved search being edited, which
    the tree must not reach again through the searches it uses."""
    resolved = Resolved(user)
    resolved.trees = _load_searches(tree, user, search_id)
    by_kind: dict[str, list[Leaf]] = {}
    for node in (tree, *resolved.trees.values()):
        for leaf in leaves(node):
            by_kind.setdefault(leaf.name, []).append(leaf)
    tags = _ids(by_kind, "tag", "tag")
    _refuse_missing("Tag", tags, _found(Tag.objects.all(), tags), private=False)
    groups = _ids(by_kind, "group", "group")
    _refuse_missing("Group", groups, _found(groups_visible_to(user), groups))
    seats = _ids(by_kind, "constituency", "constituency")
    _refuse_missing("Constituency", seats, _found(Constituency.objects.all(), seats), private=False)
    resolved.options = _questions(user, by_kind.get("answer", []))
    resolved.event_scope = _event_scope(user, by_kind.get("events", []))
    resolved.fields = _custom_fields(by_kind.get("custom_field", []))
    resolved.places = _places(by_kind.get("near", []))
    return resolved


def _ids(by_kind: dict[str, list[Leaf]], name: str, param: str) -> set[int]:
    return {leaf.params[param] for leaf in by_kind.get(name, []) if leaf.params[param] is not None}


def _found(qs: QuerySet[Any], ids: set[int]) -> set[int]:
    return set(qs.filter(pk__in=ids).order_by().values_list("pk", flat=True)) if ids else set()


def _refuse_missing(label: str, wanted: set[int], found: set[int], *, private: bool = True) -> None:
    missing = sorted(wanted - found)
    if missing:
        tail = " or is not one you may use" if private else ""
        raise DefinitionError(f"{label} {missing[0]} does not exist{tail}.")


def _search_refs(node: Node) -> set[int]:
    return {leaf.params["search"] for leaf in leaves(node) if leaf.name == "in_search"}


def _load_searches(tree: Node, user: Any, search_id: int | None) -> dict[int, Node]:
    """The saved searches `tree` uses, directly or through each other, parsed: one query a level."""
    trees: dict[int, Node] = {}
    names: dict[int, str] = {}
    refs: dict[int, set[int]] = {}
    wanted, level = _search_refs(tree), 0
    while wanted:
        if search_id is not None and search_id in wanted:
            raise DefinitionError("This search refers back to itself: it cannot use itself.")
        level += 1
        if level > MAX_SEARCH_NESTING:
            raise _too_deep()
        found = searches_usable_by(user).filter(pk__in=wanted)
        for pk, name, data in found.values_list("pk", "name", "definition"):
            trees[pk], names[pk] = _parse_used(name, data), name
            refs[pk] = _search_refs(trees[pk])
        _refuse_missing("Saved search", wanted, set(trees))
        wanted = set().union(*(refs[pk] for pk in wanted)) - trees.keys()
    _check_chains(_search_refs(tree), refs, names)
    return trees


def _parse_used(name: str, data: Any) -> Node:
    try:
        return parse(data)
    except DefinitionError as error:
        raise DefinitionError(f"The saved search “{name}” cannot be used: {error}") from None


def _too_deep() -> DefinitionError:
    return DefinitionError(f"Saved searches may use one another at most {MAX_SEARCH_NESTING} deep.")


def _check_chains(start: set[int], refs: dict[int, set[int]], names: dict[int, str]) -> None:
    """Refuse a cycle among the searches used, or a chain longer than the nesting limit."""
    height: dict[int, int] = {}  # searches fully explored: the longest chain from them down

    def visit(pk: int, path: tuple[int, ...]) -> int:
        if pk in path:
            raise DefinitionError(f"The saved search “{names[pk]}” refers back to itself.")
        if pk not in height:
            height[pk] = 1 + max((visit(ref, (*path, pk)) for ref in refs[pk]), default=0)
        return height[pk]

    if max((visit(pk, ()) for pk in start), default=0) > MAX_SEARCH_NESTING:
        raise _too_deep()


def _questions(user: Any, answer_leaves: list[Leaf]) -> dict[int, tuple[str, ...]]:
    ids = {leaf.params["question"] for leaf in answer_leaves}
    if not ids:
        return {}
    found = questions_usable_by(user).filter(pk__in=ids).only("id", "kind", "choices")
    options = {question.pk: tuple(question.options) for question in found}
    _refuse_missing("Question", ids, set(options))
    for leaf in answer_leaves:
        _check_answers(leaf.params["question"], leaf.params["values"], options)
    return options


def _check_answers(
    question: int, values: tuple[str, ...], options: dict[int, tuple[str, ...]]
) -> None:
    offered = options[question]
    if values and not offered:
        raise DefinitionError(
            f"Question {question} is answered in free text: leave the answers empty to find "
            "everyone who answered it."
        )
    strange = [value for value in values if value not in offered]
    if strange:
        raise DefinitionError(
            f"“{strange[0]}” is not an answer to question {question} "
            f"(its answers are: {', '.join(offered)})."
        )


def _event_scope(user: Any, event_leaves: list[Leaf]) -> QuerySet[Event] | None:
    """Check the events named; for a non-national user, the events any-event rules may count."""
    for leaf in event_leaves:
        kind = leaf.params["kind"]
        if kind is not None and kind not in EventKind.values:
            raise DefinitionError(f"Events rule: there is no kind of event called {kind[:40]!r}.")
    named = {leaf.params["event"] for leaf in event_leaves if leaf.params["event"] is not None}
    if not event_leaves or (sees_everyone(user) and not named):
        return None
    scope = visible_events(user)
    _refuse_missing("Event", named, _found(scope, named))
    if sees_everyone(user) or all(leaf.params["event"] is not None for leaf in event_leaves):
        return None
    # "Attended any canvass" counts only the events this user may see, so a search cannot
    # reveal who went to another group's private meetings.
    return scope


def _custom_fields(field_leaves: list[Leaf]) -> dict[str, CustomField]:
    keys = {leaf.params["key"] for leaf in field_leaves}
    if not keys:
        return {}
    found = {f.key: f for f in CustomField.objects.filter(key__in=keys)}
    missing = sorted(keys - found.keys())
    if missing:
        raise DefinitionError(f"There is no custom field {missing[0][:60]!r}.")
    return found


def _places(near_leaves: list[Leaf]) -> dict[str, Location]:
    """Each postcode placed once, all in a handful of queries, before anything is counted."""
    postcodes = {leaf.params["postcode"] for leaf in near_leaves}
    if not postcodes:
        return {}
    places: dict[str, Location] = {}
    for text, place in sorted(locate_many(postcodes).items()):
        if isinstance(place, LocationError):
            raise DefinitionError(str(place))
        if place.lat is None or place.lng is None:
            raise DefinitionError(f"{text} has no place on a map, so no one is near it.")
        places[text] = place
    return places
