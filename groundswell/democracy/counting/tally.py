"""The state of a count that moves papers between candidates (Scottish STV, ERS97, IRV), and its stage record.

Values are whole numbers of the rule's smallest unit (1/100,000 of a vote in Scottish STV), so every sum is exact.
"""

from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal

from .ballots import Election
from .minimums import Minimums
from .result import Result, Stage
from .ties import TieBreaker

# A parcel: papers with the same ranking and value held by one candidate:
# (index of the ranking, position of the holder in it, value of each paper, number of papers, batch received in).
Parcel = tuple[int, int, int, int, int]


def fixed(value: int, places: int) -> Decimal:
    """`value` units of 10**-places as an exact Decimal with that many places."""
    if not places:
        return Decimal(value)
    whole, part = divmod(abs(value), 10**places)
    return Decimal(f"{'-' if value < 0 else ''}{whole}.{part:0{places}d}")


class Tally:
    def __init__(self, election: Election, ties: TieBreaker, places: int) -> None:
        self.election = election
        self.ties = ties
        self.places = places
        self.unit: int = 10**places
        self.standing = election.standing
        self.continuing = set(self.standing)
        self.elected: list[int] = []
        self.excluded: list[int] = []
        self.total = 0
        self.votes = self._deal()
        self.exhausted = 0
        self.loss = 0
        self.minimums = Minimums(election)
        self.doomed: set[int] = set()
        self.stages: list[Stage] = []
        self.history: list[dict[int, int]] = []
        self._lots_recorded = 0
        self._before = (dict(self.votes), 0)

    def _deal(self) -> dict[int, int]:
        """Give every paper to its first preference, at a value of one vote; the first-preference totals."""
        unit = self.unit
        self.papers = papers = self.election.papers()
        self.rankings = [prefs for prefs, _ in papers]
        self.total = sum(n for _, n in papers) * unit
        self.held: dict[int, list[Parcel]] = {c: [] for c in self.standing}
        votes = dict.fromkeys(self.standing, 0)
        for index, (prefs, n) in enumerate(papers):
            self.held[prefs[0]].append((index, 0, unit, n, 0))
            votes[prefs[0]] += n * unit
        return votes

    @property
    def places_left(self) -> int:
        return self.election.seats - len(self.elected)

    @property
    def next_stage(self) -> int:
        return len(self.stages) + 1

    def name(self, candidate: int) -> str:
        return self.election.name(candidate)

    def by_votes(self, candidates: Iterable[int]) -> list[int]:
        """Highest vote first; equal votes in ballot order."""
        return sorted(candidates, key=lambda c: (-self.votes[c], c))

    def elect(self, candidate: int) -> None:
        self.continuing.remove(candidate)
        self.elected.append(candidate)

    def exclude(self, candidate: int) -> None:
        self.continuing.discard(candidate)
        self.doomed.discard(candidate)
        self.excluded.append(candidate)

    def take(self, candidate: int) -> list[Parcel]:
        parcels, self.held[candidate] = self.held[candidate], []
        return parcels

    def next_choice(self, parcel: Parcel) -> tuple[int, int] | None:
        """The next continuing candidate on the parcel's ranking, with their position in it."""
        prefs = self.rankings[parcel[0]]
        for position in range(parcel[1] + 1, len(prefs)):
            if prefs[position] in self.continuing:
                return prefs[position], position
        return None

    def transfer(
        self, parcels: Iterable[Parcel], value_of: Callable[[int], int], batch: int
    ) -> int:
        """Give each parcel to its next continuing candidate at value_of(its value); return the value left over
        on papers with no next preference (at their new value)."""
        stranded = 0
        for parcel in parcels:
            value = value_of(parcel[2])
            choice = self.next_choice(parcel)
            if choice is None:
                stranded += value * parcel[3]
                continue
            to, position = choice
            self.held[to].append((parcel[0], position, value, parcel[3], batch))
            self.votes[to] += value * parcel[3]
        return stranded

    def move(self, candidate: int, numerator: int, denominator: int) -> int:
        """Pass all of `candidate`'s papers on, each at its value x numerator / denominator (remainder ignored);
        return the value of those with no next preference."""
        return self.transfer(
            self.take(candidate), lambda v: numerator * v // denominator, self.next_stage
        )

    def record(
        self,
        kind: str,
        action: str,
        subjects: Sequence[int],
        quota: int,
        elected: Sequence[int],
        excluded: Sequence[int],
        notes: Sequence[str] = (),
    ) -> None:
        before, nt_before = self._before
        nt = self.exhausted + self.loss
        p = self.places
        stage = Stage(
            number=self.next_stage,
            kind=kind,
            action=action,
            subjects=tuple(subjects),
            votes={c: fixed(self.votes[c], p) for c in self.standing},
            transfers={c: fixed(self.votes[c] - before[c], p) for c in self.standing},
            exhausted=fixed(self.exhausted, p),
            rounding_loss=fixed(self.loss, p),
            non_transferable_change=fixed(nt - nt_before, p),
            quota=fixed(quota, p),
            elected=tuple(elected),
            excluded=tuple(excluded),
            lots=self.ties.lots_since(self._lots_recorded),
            notes=tuple(notes),
        )
        self.stages.append(stage)
        self.history.append(dict(self.votes))
        self._lots_recorded = len(self.ties.lots)
        self._before = (dict(self.votes), nt)

    def result(self, rule: str, quota: int) -> Result:
        return Result(
            rule=rule,
            title=self.election.title,
            candidates=self.election.candidates,
            withdrawn=self.election.withdrawn,
            seats=self.election.seats,
            valid_votes=fixed(self.total, self.places),
            quota=fixed(quota, self.places),
            places=self.places,
            elected=tuple(self.elected),
            excluded=tuple(self.excluded),
            stages=tuple(self.stages),
            seed=self.ties.seed,
        )

    def excludable(self) -> set[int]:
        """Continuing candidates the minimums allow to be excluded now."""
        return self.continuing - self.minimums.guarded(self.continuing, self.elected)

    def update_doomed(self) -> None:
        self.doomed |= self.minimums.doomed(self.continuing, self.elected, self.places_left)

    def may_elect(self, candidate: int) -> bool:
        """False (and the candidate doomed) if electing them would leave too few seats for the minimums."""
        if self.minimums.may_elect(candidate, self.elected, self.places_left):
            return True
        self.doomed.add(candidate)
        return False
