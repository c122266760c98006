"""The rule editor's form fields and a definition, each turned into the other, with no database.

The editor posts `match` ("all" or "any") and, for each rule row N, `r-N-filter`, `r-N-negate` and the
inputs of every filter (`r-N-tag`, `r-N-postcode`, ...; see INPUTS). Only the chosen filter's inputs
are read. A row the editor cannot show as a form (a nested group of rules, made through the API) is
carried whole as JSON in `r-N-raw` with filter "raw", so saving the page keeps it."""

import json
import re
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from groundswell.searches.definition import FILTERS, DefinitionError, parse

MAX_ROWS = 50
MAX_RAW = 20_000  # characters of JSON in one read-only row
RAW = "raw"
_ROW_KEY = re.compile(r"r-(\d{1,3})-([a-z_]+)")

Row = dict[str, str]


def as_int(text: str) -> Any:
    """A whole number where the text is one; otherwise the text, for the parser to refuse by name."""
    text = text.strip()
    if not text:
        return None
    return int(text) if text.isascii() and text.isdigit() and len(text) < 20 else text


def as_number(text: str) -> Any:
    text = text.strip()
    if not text:
        return None
    try:
        return int(text) if text.isascii() and text.isdigit() else float(text)
    except ValueError:
        return text


def as_text(text: str) -> Any:
    return text.strip() or None


def as_list(text: str) -> list[str] | None:
    return [part.strip() for part in text.split(",") if part.strip()] or None


# Per filter: (form input, definition param, how the input becomes the param's value).
INPUTS: dict[str, tuple[tuple[str, str, Callable[[str], Any]], ...]] = {
    "tag": (("tag", "tag", as_int),),
    "group": (("group", "group", as_int),),
    "membership": (("status", "status", as_text),),
    "joined": (("joined_after", "after", as_text), ("joined_before", "before", as_text)),
    "near": (("postcode", "postcode", as_text), ("km", "km", as_number)),
    "constituency": (("constituency", "constituency", as_int),),
    "events": (
        ("event_status", "status", as_text),
        ("event", "event", as_int),
        ("kind", "kind", as_text),
        ("event_after", "after", as_text),
        ("event_before", "before", as_text),
    ),
    "answer": (("question", "question", as_int), ("values", "values", as_list)),
    "custom_field": (("key", "key", as_text), ("value", "value", as_text)),
    "consent": (("channel", "channel", as_text),),
    "contacted_within": (("days", "days", as_int),),
    "in_search": (("search", "search", as_int),),
}  # fmt: skip


def rows_from_post(data: Mapping[str, Sequence[str]]) -> list[Row]:
    """The rule rows in a posted form (`data` as QueryDict.lists() gives it), in row order."""
    rows: dict[int, Row] = {}
    for key, values in data.items():
        found = _ROW_KEY.fullmatch(key)
        if found and values:
            rows.setdefault(int(found.group(1)), {})[found.group(2)] = str(values[-1])
    return [rows[index] for index in sorted(rows)]


def rows_to_definition(match: str, rows: Sequence[Row]) -> dict[str, Any]:
    """The definition the rows describe; DefinitionError naming the first bad row."""
    if match not in ("all", "any"):
        raise DefinitionError("Choose whether people must match all of the rules or any of them.")
    if len(rows) > MAX_ROWS:
        raise DefinitionError(f"A search may have at most {MAX_ROWS} rules in the editor.")
    nodes = []
    for number, row in enumerate((row for row in rows if row.get("filter")), start=1):
        node = row_to_node(row)
        try:
            parse(node)
        except DefinitionError as error:
            raise DefinitionError(f"Rule {number}: {error}") from None
        nodes.append(node)
    return {match: nodes}


def row_to_node(row: Row) -> Any:
    name = row.get("filter", "")
    if name == RAW:
        return _raw_node(row.get("raw", ""))
    if name not in FILTERS:
        raise DefinitionError(f"Unknown filter {name[:40]!r}.")
    leaf: dict[str, Any] = {"filter": name}
    for field, param, convert in INPUTS[name]:
        value = convert(row.get(field, ""))
        if value is not None:
            leaf[param] = value
    return {"not": leaf} if row.get("negate") else leaf


def _raw_node(text: str) -> Any:
    if len(text) > MAX_RAW:
        raise DefinitionError("A group of rules is too large to keep.")
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        raise DefinitionError("A group of rules could not be read.") from None


def definition_to_rows(definition: Any) -> tuple[str, list[Row]]:
    """`match` and the rows showing a stored definition: a top-level all/any becomes the match and
    its children the rows; anything else is one row under "all"."""
    if isinstance(definition, dict) and len(definition) == 1:
        ((key, children),) = definition.items()
        if key in ("all", "any") and isinstance(children, list):
            return key, [node_to_row(child) for child in children]
    return "all", [node_to_row(definition)]


def node_to_row(node: Any) -> Row:
    """A leaf (or "not" of a leaf) as a form row; anything else as a read-only raw row."""
    negate = isinstance(node, dict) and set(node) == {"not"}
    leaf = node["not"] if negate else node
    name = leaf.get("filter") if isinstance(leaf, dict) else None
    if not isinstance(name, str) or name not in INPUTS:
        return {"filter": RAW, "raw": json.dumps(node, ensure_ascii=False)}
    row = {"filter": name, "negate": "on" if negate else ""}
    for field, param, _convert in INPUTS[name]:
        row[field] = _as_input(leaf.get(param))
    return row


def _as_input(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    return str(value)
