"""The shape of a saved search, as stored in SavedSearch.definition (JSON), parsed and validated here
with no database access (each leaf's settings by searches.leaf_params; whether the ids it names exist
and may be used is checked when it compiles, by searches.references).

A node is one of:
    {"all": [node, ...]}          every child matches (an empty list matches everyone)
    {"any": [node, ...]}          at least one child matches
    {"not": node}                 the child does not match
    {"filter": NAME, ...params}   a leaf, see FILTERS

Leaves (params):
    tag               {"tag": tag id}
    group             {"group": group id}
    membership        {"status": "member" | "supporter" | "lapsed"}
    joined            {"after": "YYYY-MM-DD" | null, "before": "YYYY-MM-DD" | null}   member_since in range
                      (both ends included; either may be left out)
    near              {"postcode": "E8 1DY", "km": 5}   a postcode or a district; 0 < km <= 200
    constituency      {"constituency": constituency id}
    events            {"status": "signed_up" | "attended", "event": id | null, "kind": kind | null,
                       "after": date | null, "before": date | null}
                      signed_up: an accepted place (not waitlisted) on a shift starting in the
                      period (local dates, both included); attended: checked in
    answer            {"question": question id, "values": [option, ...]}   (empty values: any answer)
    custom_field      {"key": "union", "value": "Unite"}   the value is cleaned as the field's kind
                      stores it ("yes" -> true); free text compares without regard to case
    consent           {"channel": "email" | "sms" | "phone"}
    contacted_within  {"days": N}   called or texted in the last N days
    in_search         {"search": saved search id}   compiled inline; no cycles, at most 3 deep

Every leaf rejects settings it does not have.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from groundswell.searches.leaf_params import LABELS, ParamError, clean_params

FILTERS = (
    "tag", "group", "membership", "joined", "near", "constituency", "events", "answer",
    "custom_field", "consent", "contacted_within", "in_search",
)  # fmt: skip
MAX_DEPTH = 8
MAX_NODES = 200


class DefinitionError(ValueError):
    """A definition that cannot be used, with a message fit to show the organiser."""


@dataclass(frozen=True)
class Leaf:
    name: str
    params: dict[str, Any]


@dataclass(frozen=True)
class All:
    children: tuple["Node", ...]


@dataclass(frozen=True)
class AnyOf:
    children: tuple["Node", ...]


@dataclass(frozen=True)
class Not:
    child: "Node"


Node = Leaf | All | AnyOf | Not


def parse(data: Any) -> Node:
    """The tree `data` describes, or DefinitionError saying what is wrong with it."""
    counter = [0]
    return _parse(data, 0, counter)


def _parse(data: Any, depth: int, counter: list[int]) -> Node:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise DefinitionError(f"A search may have at most {MAX_NODES} rules.")
    if depth > MAX_DEPTH:
        raise DefinitionError(f"Rules may be nested at most {MAX_DEPTH} deep.")
    if not isinstance(data, dict) or len(data) == 0:
        raise DefinitionError("Each rule must be an object.")
    if "filter" in data:
        name = data["filter"]
        if not isinstance(name, str) or name not in FILTERS:
            raise DefinitionError(f"Unknown filter {str(name)[:40]!r}.")
        try:
            params = clean_params(name, {k: v for k, v in data.items() if k != "filter"})
        except ParamError as error:
            raise DefinitionError(f"{LABELS[name]} rule: {error}.") from None
        return Leaf(name, params)
    if len(data) != 1:
        raise DefinitionError("A group of rules has exactly one of 'all', 'any' or 'not'.")
    ((key, value),) = data.items()
    if key == "not":
        return Not(_parse(value, depth + 1, counter))
    if key in ("all", "any") and isinstance(value, list):
        children = tuple(_parse(child, depth + 1, counter) for child in value)
        return All(children) if key == "all" else AnyOf(children)
    raise DefinitionError("A group of rules has exactly one of 'all', 'any' or 'not'.")


def leaves(node: Node) -> Iterator[Leaf]:
    """Every leaf of a tree, depth first (in_search leaves are not followed)."""
    if isinstance(node, Leaf):
        yield node
    elif isinstance(node, Not):
        yield from leaves(node.child)
    else:
        for child in node.children:
            yield from leaves(child)
