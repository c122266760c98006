"""Applying adopted amendments to a text, with no database: the rule in one place, tested alone.

Conflicts are settled by ballot order, as conferences do ("if amendment 3 is carried, amendment 5
falls"): the first adopted replacement or deletion of a clause takes it; a later adopted replacement
or deletion of the same clause falls and changes nothing. Insertions never conflict: every adopted
insertion after a clause is placed after it (and after any earlier insertions there), in ballot
order, even where that clause itself is deleted."""

from collections.abc import Sequence
from dataclasses import dataclass, field

Key = int  # clause and amendment ids


@dataclass(frozen=True)
class Change:
    amendment: Key
    kind: str  # "replace", "delete" or "insert"
    clause: Key
    text: str = ""


@dataclass(frozen=True)
class Entry:
    """A clause of the new text: `clause` is None for an inserted one; `amendment` made the change."""

    clause: Key | None
    text: str
    amendment: Key | None = None


@dataclass
class Outcome:
    entries: list[Entry] = field(default_factory=list)
    fell: list[Key] = field(default_factory=list)


def consolidate(clauses: Sequence[tuple[Key, str]], adopted: Sequence[Change]) -> Outcome:
    """The new text, in order, from `clauses` (key, text) and the adopted changes in ballot order."""
    known = {key for key, _ in clauses}
    taken: dict[Key, Change] = {}
    inserts: dict[Key, list[Change]] = {}
    outcome = Outcome()
    for change in adopted:
        if change.clause not in known:
            raise ValueError(f"No clause {change.clause!r} in this text.")
        if change.kind == "insert":
            inserts.setdefault(change.clause, []).append(change)
        elif change.clause in taken:
            outcome.fell.append(change.amendment)
        else:
            taken[change.clause] = change
    for key, text in clauses:
        kept = taken.get(key)
        if kept is None:
            outcome.entries.append(Entry(key, text))
        elif kept.kind == "replace":
            outcome.entries.append(Entry(key, kept.text, kept.amendment))
        outcome.entries.extend(Entry(None, c.text, c.amendment) for c in inserts.get(key, []))
    return outcome
