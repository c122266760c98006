"""Moving papers with numpy: the count's state held as one row per distinct ranking, for Scottish STV and instant
runoff, whose transfers always move all of a candidate's papers.

Papers with the same ranking travel together through such a count, so each distinct ranking has one holder, one
position on the ranking and one value per paper. A transfer updates every row the candidate holds at once. Values
are int64 numbers of the rule's unit (1/100,000 of a vote in Scottish STV): `tally_for` uses this only where no
product or sum can reach the limits (surplus x value below 2**63, every total below 2**53), otherwise the plain
Tally, so the figures are exactly those of the plain count.
"""

import numpy as np

from .ballots import Election
from .rankings import EXACT_LIMIT, Rankings, exact_sums, table_of
from .tally import Tally
from .ties import TieBreaker


def tally_for(election: Election, ties: TieBreaker, places: int) -> Tally:
    """An ArrayTally when its int64 arithmetic is exact for this election, else the plain Tally."""
    total = paper_count(election) * 10**places
    fits = total * 10**places < 2**63 and total < EXACT_LIMIT
    return ArrayTally(election, ties, places) if fits else Tally(election, ties, places)


def paper_count(election: Election) -> int:
    """How many papers the ballots carry (before any are found invalid)."""
    if isinstance(election.ballots, Rankings):
        return int(election.ballots.weights.sum(dtype=np.float64))
    return sum(ballot.weight for ballot in election.ballots)


class ArrayTally(Tally):
    """A Tally whose papers move only by move(): `holder[i]` holds the papers of ranking `prefs[i]` (0 once
    they have no further preference), having reached position `position[i]` on it, each worth `value[i]`."""

    def _deal(self) -> dict[int, int]:
        prefs, counts = table_of(self.election)
        if not prefs.shape[1]:
            prefs = np.zeros((0, 1), dtype=np.int64)
        self.prefs, self.counts = prefs, counts
        self.size = len(self.election.candidates) + 1
        self.holder = prefs[:, 0].copy()
        self.position = np.zeros(len(counts), dtype=np.int64)
        self.value = np.full(len(counts), self.unit, dtype=np.int64)
        self.total = int(counts.sum()) * self.unit
        first = exact_sums(self.holder, counts, self.size) * self.unit
        return {c: int(first[c]) for c in self.standing}

    def move(self, candidate: int, numerator: int, denominator: int) -> int:
        rows = np.flatnonzero(self.holder == candidate)
        value = self.value[rows] * numerator // denominator
        rankings = self.prefs[rows]
        live = np.zeros(self.size, dtype=bool)
        live[list(self.continuing)] = True
        ahead = live[rankings] & (np.arange(rankings.shape[1]) > self.position[rows][:, None])
        found = ahead.any(axis=1)
        step = ahead.argmax(axis=1)[found]
        papers = value * self.counts[rows]
        stranded = int(papers[~found].sum())
        gone, to = rows[found], rankings[found, step]
        self.holder[rows] = 0
        self.holder[gone], self.position[gone], self.value[gone] = to, step, value[found]
        gained = exact_sums(to, papers[found], self.size)
        for c in np.flatnonzero(gained).tolist():
            self.votes[c] += int(gained[c])
        return stranded
