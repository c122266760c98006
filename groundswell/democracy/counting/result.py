"""The outcome of a count, stage by stage: everything a result page or a recount needs, and its JSON form."""

import json
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from .ties import Lot


@dataclass(frozen=True)
class Stage:
    """One stage of the count, with every candidate's running total after it.

    `votes` covers every standing candidate (an excluded one holds 0 once their papers have gone; an elected one
    holds the quota once their surplus has gone). `transfers` is the change in each candidate's total during the
    stage. Non-transferable votes are the exhausted papers plus the fractions lost by rounding, reported
    together as the official Scottish reports do.
    """

    number: int
    kind: str  # "first", "surplus", "exclusion"
    action: str
    subjects: tuple[int, ...]
    votes: Mapping[int, Decimal]
    transfers: Mapping[int, Decimal]
    exhausted: Decimal
    rounding_loss: Decimal
    non_transferable_change: Decimal
    quota: Decimal
    elected: tuple[int, ...]
    excluded: tuple[int, ...]
    lots: tuple[Lot, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def non_transferable(self) -> Decimal:
        return self.exhausted + self.rounding_loss


@dataclass(frozen=True)
class Result:
    """A finished count. Candidates are numbered from 1 in ballot (BLT) order; `elected` is in order of election."""

    rule: str
    title: str
    candidates: tuple[str, ...]
    withdrawn: frozenset[int]
    seats: int
    valid_votes: Decimal
    quota: Decimal
    places: int  # decimal places the rule counts in
    elected: tuple[int, ...]
    excluded: tuple[int, ...]
    stages: tuple[Stage, ...]
    seed: int

    @property
    def lots(self) -> tuple[Lot, ...]:
        return tuple(lot for stage in self.stages for lot in stage.lots)

    def name(self, candidate: int) -> str:
        return self.candidates[candidate - 1]

    def figure(self, value: Decimal) -> str:
        """A vote total as the rule states it, e.g. "1234.56789" in Scottish STV."""
        return f"{value:.{self.places}f}"

    def to_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "title": self.title,
            "candidates": list(self.candidates),
            "seats": self.seats,
            "valid_votes": self.figure(self.valid_votes),
            "quota": self.figure(self.quota),
            "elected": list(self.elected),
            "excluded": list(self.excluded),
            "seed": self.seed,
            "stages": [self._stage_dict(stage) for stage in self.stages],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def _stage_dict(self, stage: Stage) -> dict[str, object]:
        return {
            "action": stage.action,
            "kind": stage.kind,
            "subjects": list(stage.subjects),
            "quota": self.figure(stage.quota),
            "votes": {str(c): self.figure(v) for c, v in stage.votes.items()},
            "non_transferable": self.figure(stage.non_transferable),
            "elected": list(stage.elected),
            "excluded": list(stage.excluded),
            "lots": [
                {"purpose": lot.purpose, "among": list(lot.among), "chosen": lot.chosen}
                for lot in stage.lots
            ],
        }
