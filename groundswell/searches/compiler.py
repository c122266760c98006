"""Compiles a saved search's definition (searches.definition) to one Q over Person: every leaf is a
column test or an EXISTS subquery, so the whole search is one SQL query with no people loaded into
Python."""

from typing import Any

from django.db.models import Exists, OuterRef, Q

from groundswell.groups.models import Membership
from groundswell.people.models import Person
from groundswell.searches.definition import All, AnyOf, DefinitionError, Leaf, Node, Not, parse


def compile_definition(definition: Any, user: Any) -> Q:
    """A Q matching the people `definition` describes (raises DefinitionError)."""
    return _compile(parse(definition), user, ())


def _compile(node: Node, user: Any, seen: tuple[int, ...]) -> Q:
    if isinstance(node, All):
        q = Q()
        for child in node.children:
            q &= _compile(child, user, seen)
        return q
    if isinstance(node, AnyOf):
        if not node.children:
            return Q(pk__in=[])
        q = _compile(node.children[0], user, seen)
        for child in node.children[1:]:
            q |= _compile(child, user, seen)
        return q
    if isinstance(node, Not):
        return ~_compile(node.child, user, seen)
    return _leaf(node, user, seen)


def _leaf(leaf: Leaf, user: Any, seen: tuple[int, ...]) -> Q:
    p = leaf.params
    if leaf.name == "tag":
        return Q(
            Exists(Person.tags.through.objects.filter(person_id=OuterRef("pk"), tag_id=p["tag"]))
        )
    if leaf.name == "group":
        return Q(Exists(Membership.objects.filter(person_id=OuterRef("pk"), group_id=p["group"])))
    if leaf.name == "membership":
        return Q(membership_status=p["status"])
    if leaf.name == "consent":
        return Q(**{f"{p['channel']}_consent": True})
    raise DefinitionError(f"The filter {leaf.name!r} is not available yet.")
