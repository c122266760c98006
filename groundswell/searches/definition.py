"""The shape of a saved search, as stored in SavedSearch.definition (JSON), parsed and validated here
with no database access.

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
    near              {"postcode": "E8 1DY", "km": 5}
    constituency      {"constituency": constituency id}
    events            {"status": "signed_up" | "attended", "event": id | null, "kind": kind | null,
                       "after": date | null, "before": date | null}
    answer            {"question": question id, "values": [option, ...]}   (empty values: any answer)
    custom_field      {"key": "union", "value": "Unite"}
    consent           {"channel": "email" | "sms" | "phone"}
    contacted_within  {"days": N}   called or texted in the last N days
    in_search         {"search": saved search id}
"""

from dataclasses import dataclass
from typing import Any

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
        if name not in FILTERS:
            raise DefinitionError(f"Unknown filter {str(name)[:40]!r}.")
        return Leaf(name, {k: v for k, v in data.items() if k != "filter"})
    if len(data) != 1:
        raise DefinitionError("A group of rules has exactly one of 'all', 'any' or 'not'.")
    ((key, value),) = data.items()
    if key == "not":
        return Not(_parse(value, depth + 1, counter))
    if key in ("all", "any") and isinstance(value, list):
        children = tuple(_parse(child, depth + 1, counter) for child in value)
        return All(children) if key == "all" else AnyOf(children)
    raise DefinitionError("A group of rules has exactly one of 'all', 'any' or 'not'.")
