"""Breaking ties: by the candidates' votes at earlier stages, then by lot from a recorded seed, so a recount repeats.

Lots use Python's `random.Random(seed)`, choosing among the tied candidates listed in ballot order; each draw is
recorded with the stage it decided, so a result shows every decision that chance made.
"""

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Lot:
    """A tie decided by lot: at `stage`, `chosen` was drawn from `among` for `purpose` (e.g. "exclusion")."""

    stage: int
    purpose: str
    among: tuple[int, ...]
    chosen: int


class TieBreaker:
    def __init__(self, seed: int) -> None:
        self.seed = seed
        self.lots: list[Lot] = []
        self._rng = random.Random(seed)

    def draw(self, tied: Iterable[int], stage: int, purpose: str) -> int:
        among = tuple(sorted(tied))
        chosen = among[0] if len(among) == 1 else self._rng.choice(among)
        if len(among) > 1:
            self.lots.append(Lot(stage, purpose, among, chosen))
        return chosen

    def pick(
        self,
        tied: Iterable[int],
        history: Sequence[Mapping[int, int]],
        *,
        lowest: bool,
        latest_first: bool,
        stage: int,
        purpose: str,
    ) -> int:
        """The lowest (or highest) of `tied` by the earlier totals in `history`, else by lot."""
        left = narrow(tied, history, lowest=lowest, latest_first=latest_first)
        return self.draw(left, stage, purpose)

    def lots_since(self, count: int) -> tuple[Lot, ...]:
        return tuple(self.lots[count:])


def narrow(
    tied: Iterable[int],
    history: Sequence[Mapping[int, int]],
    *,
    lowest: bool,
    latest_first: bool,
) -> list[int]:
    """Candidates of `tied` that stay tied after looking at earlier totals.

    Scans `history` (one mapping of votes per stage, oldest first) from the newest or the oldest entry; at the
    first entry where the candidates differ, keeps only those with the lowest (or highest) vote there, and goes on
    scanning with them while more than one is left.
    """
    left = sorted(tied)
    for votes in reversed(history) if latest_first else history:
        if len(left) < 2:
            break
        values = [votes.get(c, 0) for c in left]
        target = min(values) if lowest else max(values)
        if any(v != target for v in values):
            left = [c for c, v in zip(left, values, strict=True) if v == target]
    return left
