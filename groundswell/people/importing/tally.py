"""Counting what a dry run or an import found, and keeping the first problems to show on the page."""

from dataclasses import dataclass, field
from typing import Any

from groundswell.people.importing.pipeline import Chunk
from groundswell.people.importing.tagbook import TagBook

SHOWN_PROBLEMS = 50


@dataclass
class Tally:
    rows: int = 0
    ok: int = 0
    problem_rows: int = 0
    new: int = 0  # rows that create a person
    matched: int = 0  # rows that update someone on record
    outside: int = 0  # rows matching people the importer may not change
    shown: list[dict[str, Any]] = field(default_factory=list)

    def add(self, chunk: Chunk) -> None:
        self.rows += chunk.rows
        self.ok += len(chunk.candidates)
        self.problem_rows += len(chunk.rejected)
        self.outside += chunk.outside
        self.matched += sum(1 for c in chunk.candidates if c.person_id)
        self.new = self.ok - self.matched
        room = SHOWN_PROBLEMS - len(self.shown)
        self.shown += [{"row": r.number, "problems": r.problems} for r in chunk.rejected[:room]]

    def as_report(self, tags: TagBook) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "ok": self.ok,
            "problem_rows": self.problem_rows,
            "new": self.new,
            "matched": self.matched,
            "outside": self.outside,
            "problems": self.shown,
            "unknown_tags": dict(tags.unknown.most_common(20)),
            "new_tags": sorted(tags.new.values())[:50],
        }
