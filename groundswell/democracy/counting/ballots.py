"""The election being counted: candidates, seats, withdrawals and the ranked ballots, as read from a BLT file."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Ballot:
    """`weight` identical papers ranking candidates `prefs` (1-based numbers in BLT order), best first."""

    weight: int
    prefs: tuple[int, ...]


@dataclass(frozen=True)
class Election:
    """Everything a count needs. Candidates are numbered from 1 in the order of `candidates`.

    `categories` names sets of candidates (e.g. "women") and `minimums` says how many of each must be elected.
    """

    candidates: tuple[str, ...]
    seats: int
    ballots: Sequence[Ballot]  # a tuple, or Rankings (arrays) from the fast reader
    withdrawn: frozenset[int] = frozenset()
    title: str = ""
    categories: Mapping[str, frozenset[int]] = field(default_factory=dict)
    minimums: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        numbers = range(1, len(self.candidates) + 1)
        if self.seats < 1:
            raise ValueError("an election needs at least one seat")
        if not self.withdrawn <= set(numbers):
            raise ValueError("a withdrawn candidate is not on the ballot")
        for name, minimum in self.minimums.items():
            members = self.categories.get(name)
            if members is None or not members <= set(numbers):
                raise ValueError(f"category {name!r} names no candidates on the ballot")
            if not 0 <= minimum <= min(len(members - self.withdrawn), self.seats):
                raise ValueError(f"at least {minimum} from {name!r} cannot be elected")

    @property
    def standing(self) -> tuple[int, ...]:
        """Candidate numbers still standing (not withdrawn), in ballot order."""
        return tuple(c for c in range(1, len(self.candidates) + 1) if c not in self.withdrawn)

    def name(self, candidate: int) -> str:
        return self.candidates[candidate - 1]

    def papers(self) -> list[tuple[tuple[int, ...], int]]:
        """Distinct rankings with how many papers carry each, withdrawn candidates passed over.

        Papers left with no preference for a standing candidate are not valid votes and are dropped.
        """
        merged: dict[tuple[int, ...], int] = {}
        withdrawn = self.withdrawn
        for ballot in self.ballots:
            if ballot.weight < 1:
                raise ValueError(f"a ballot's weight must be at least 1, not {ballot.weight}")
            prefs = ballot.prefs
            if withdrawn:
                prefs = tuple(c for c in prefs if c not in withdrawn)
            if prefs:
                merged[prefs] = merged.get(prefs, 0) + ballot.weight
        valid = set(self.standing)
        for prefs in merged:
            if not valid.issuperset(prefs) or len(set(prefs)) != len(prefs):
                raise ValueError(f"ranking {prefs} names a candidate twice or not on the ballot")
        return list(merged.items())
