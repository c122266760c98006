"""Compiles a saved search's definition (searches.definition) to one Q over Person: every leaf is a
column test or a subquery (searches.leaves), so the whole search is one SQL query with no people loaded into
Python.

Compiling itself reads a bounded number of rows first (searches.references): the saved searches used
(one query per level, at most 3), then one query per kind of thing named (tags, groups,
constituencies, questions, events, custom fields) and geo's locate_many for postcodes (two or three).
So a search naming every kind costs at most about a dozen small lookups, whatever its size, and the
count or page that follows is exactly one query."""

from typing import Any

from django.db.models import Q

from groundswell.searches.definition import All, AnyOf, DefinitionError, Leaf, Node, Not, parse
from groundswell.searches.leaves import BUILDERS
from groundswell.searches.references import Resolved, resolve

MAX_COMPILED_RULES = 500  # after saved searches are expanded inline (they may repeat)


def compile_definition(definition: Any, user: Any, *, search_id: int | None = None) -> Q:
    """A Q matching the people `definition` describes, as `user` may use it (raises DefinitionError).

    `search_id` is the saved search this definition is for, when editing one: the definition may not
    come back to it through the searches it uses."""
    tree = parse(definition)
    return _Compiler(resolve(tree, user, search_id)).node(tree)


class _Compiler:
    def __init__(self, resolved: Resolved) -> None:
        self.resolved = resolved
        self.rules = 0

    def node(self, node: Node) -> Q:
        if isinstance(node, All):
            # An empty "all" matches everyone; a real condition, so that "not" of it matches nobody.
            q = Q() if node.children else Q(pk__isnull=False)
            for child in node.children:
                q &= self.node(child)
            return q
        if isinstance(node, AnyOf):
            if not node.children:
                return Q(pk__in=[])
            q = self.node(node.children[0])
            for child in node.children[1:]:
                q |= self.node(child)
            return q
        if isinstance(node, Not):
            return ~self.node(node.child)
        return self.leaf(node)

    def leaf(self, leaf: Leaf) -> Q:
        self.rules += 1
        if self.rules > MAX_COMPILED_RULES:
            raise DefinitionError(
                f"With the saved searches it uses, this search has more than {MAX_COMPILED_RULES} "
                "rules: simplify it."
            )
        if leaf.name == "in_search":
            # Inline: the other search's tree becomes part of this query (checked for cycles and
            # depth in references, so this recursion ends).
            return self.node(self.resolved.trees[leaf.params["search"]])
        return BUILDERS[leaf.name](leaf.params, self.resolved)
