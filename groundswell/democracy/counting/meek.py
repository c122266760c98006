"""Meek STV as in the Proportional Representation Foundation's reference rule (prfound.org, "Meek Reference STV"):
fixed-point arithmetic to 9 decimal places, omega 0.000001.

Every elected candidate keeps a fraction (keep factor) of each vote reaching them and passes the rest on; the keep
factors are adjusted, iteration by iteration, until the elected hold the quota, which is recalculated each time as
the votes still held / (seats + 1), truncated, plus 0.000000001. When the total surplus falls below omega (or stops
falling) the lowest hopeful candidate is defeated, any within the surplus of them counting as tied (broken by lot).

Stages: the first preferences; each exclusion, shown after one distribution of the defeated candidate's votes; and
between them the converged distribution of surpluses ("surpluses distributed"), which also ends as soon as a
candidate is elected.

Each iteration shares out every distinct ranking with numpy (_Spread) while every total stays below 2**53 (up to
about 9 million papers), and beyond that by walking a tree of the rankings with Python integers; the figures are
the same either way.
"""

from dataclasses import replace

import numpy as np

from .arraytally import ArrayTally, paper_count
from .ballots import Election
from .rankings import EXACT_LIMIT, Ints, exact_sums
from .result import Result
from .tally import Tally
from .ties import TieBreaker

PLACES = 9
UNIT = 10**PLACES
OMEGA = UNIT // 10**6

Opening = tuple[str, str, tuple[int, ...]]


class _Branch:
    """Rankings packed into a tree: the papers reaching a candidate by one path, and where they go next.

    Papers that share the start of their ranking carry the same weight down it, so each path is computed once."""

    __slots__ = ("papers", "then")

    def __init__(self) -> None:
        self.papers = 0
        self.then: dict[int, _Branch] = {}


def _pack(papers: list[tuple[tuple[int, ...], int]]) -> dict[int, _Branch]:
    root: dict[int, _Branch] = {}
    for prefs, n in papers:
        level = root
        for c in prefs:
            branch = level.get(c)
            if branch is None:
                branch = level[c] = _Branch()
            branch.papers += n
            level = branch.then
    return root


class _Spread:
    """The rankings as arrays, for sharing out votes with numpy: `prefs` (0 after the last preference) and the
    papers carrying each."""

    def __init__(self, prefs: Ints, counts: Ints) -> None:
        # one array per position on the rankings, and a last one of 0s that ends every ranking
        self.prefs = np.vstack([prefs.T, np.zeros((1, len(counts)), dtype=np.int64)])
        self.counts = counts

    def votes(self, keep: Ints) -> Ints:
        """Votes by candidate number: down each ranking, a candidate keeps weight x keep factor, rounded up,
        and passes on the rest. Only papers with weight left go on, and after a hopeful candidate (who keeps
        all) none is left, so each step down works on fewer rows. Exact: weight x factor stays below 10**18,
        and totals below 2**53."""
        keep = keep.copy()
        keep[0] = 0  # "candidate 0", past the end of a ranking, keeps nothing and passes nothing on
        rows = np.arange(len(self.counts))
        weight = np.full(len(rows), UNIT, dtype=np.int64)
        votes = np.zeros(len(keep), dtype=np.int64)
        for column in self.prefs:
            if not len(rows):
                break
            candidates = column[rows]
            kept = -((-weight * keep[candidates]) // UNIT)
            papers = self.counts[rows]
            votes += exact_sums(candidates, kept * papers, len(keep))
            weight -= kept
            going = (weight > 0) & (candidates > 0)
            rows, weight = rows[going], weight[going]
        return votes


def count_meek(election: Election, ties: TieBreaker) -> Result:
    count = _MeekCount(election, ties)
    count.run()
    return count.tally.result("meek", count.first_quota)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


class _MeekCount:
    def __init__(self, election: Election, ties: TieBreaker) -> None:
        self.spread: _Spread | None = None
        self.tally: Tally
        if paper_count(election) * UNIT < EXACT_LIMIT:
            arrays = ArrayTally(election, ties, PLACES)
            self.tally, self.spread = arrays, _Spread(arrays.prefs, arrays.counts)
        else:
            self.tally = Tally(election, ties, PLACES)
            self.tree = _pack(self.tally.papers)
        self.keep = dict.fromkeys(self.tally.standing, UNIT)
        self.quota = 0
        self.first_quota = 0

    def run(self) -> None:
        t = self.tally
        opening: Opening | None = ("first", "first preferences", ())
        while len(t.continuing) > t.places_left > 0:  # B.1
            opening = self.round(opening)
        if opening is not None:  # a defeat left no round to follow it: show where its votes went
            self.distribute()
            self.record(opening, [])
        self.elect_remaining()

    def round(self, opening: Opening | None) -> Opening | None:
        """B.2-B.3: iterate until someone is elected or the surplus settles; then defeat the lowest."""
        t = self.tally
        last_surplus = t.total
        while True:
            self.distribute()
            newly = self.elect_winners()
            surplus = max(0, sum(t.votes[c] - self.quota for c in t.elected))
            settled = surplus < OMEGA or surplus >= last_surplus
            if opening is not None:
                self.record(opening, newly)
                opening = None
            elif newly or settled:
                self.record(("surplus", "surpluses distributed", ()), newly)
            if newly or settled:
                break
            last_surplus = surplus
            for c in t.elected:  # B.2.f, rounding up at both steps
                scaled = _ceil_div(self.keep[c] * self.quota, UNIT)
                self.keep[c] = _ceil_div(scaled * UNIT, t.votes[c])
        return None if newly else self.defeat(surplus)

    def distribute(self) -> None:
        """B.2.a-b: share every paper down its ranking by keep factors; recalculate the quota."""
        t = self.tally
        t.votes = votes = self.share()
        held = sum(votes.values())
        t.exhausted = t.total - held
        self.quota = held // (t.election.seats + 1) + 1
        self.first_quota = self.first_quota or self.quota

    def share(self) -> dict[int, int]:
        """Each candidate's votes: what they keep of every paper reaching them."""
        t, keep = self.tally, self.keep
        if self.spread is not None:
            factors = np.zeros(len(t.election.candidates) + 1, dtype=np.int64)
            factors[list(keep)] = list(keep.values())
            shares = self.spread.votes(factors)
            return {c: int(shares[c]) for c in t.standing}
        votes = dict.fromkeys(t.standing, 0)
        stack = [(self.tree, UNIT)]
        while stack:
            level, weight = stack.pop()
            for c, branch in level.items():
                kf = keep[c]
                kept = weight if kf == UNIT else _ceil_div(weight * kf, UNIT)
                votes[c] += kept * branch.papers
                if weight > kept and branch.then:
                    stack.append((branch.then, weight - kept))
        return votes

    def elect_winners(self) -> list[int]:
        t = self.tally
        newly = []
        for c in t.by_votes(t.continuing):
            if t.votes[c] < self.quota or not t.places_left:
                break
            if t.may_elect(c):
                t.elect(c)
                newly.append(c)
        return newly

    def defeat(self, surplus: int) -> Opening:
        t = self.tally
        t.update_doomed()
        pool = t.doomed or t.excludable() or t.continuing
        low = min(t.votes[c] for c in pool)
        tied = [c for c in pool if t.votes[c] <= low + surplus]
        loser = t.ties.draw(tied, t.next_stage, "exclusion")
        t.exclude(loser)
        self.keep[loser] = 0
        return ("exclusion", f"exclusion of {t.name(loser)}", (loser,))

    def record(self, opening: Opening, newly: list[int]) -> None:
        kind, action, subjects = opening
        t = self.tally
        if kind == "surplus" and not newly and t.history and t.votes == t.history[-1]:
            return  # nothing moved since the last stage
        excluded = subjects if kind == "exclusion" else ()
        t.record(kind, action, subjects, self.quota, newly, excluded)

    def elect_remaining(self) -> None:
        """C.1: if seats are unfilled, the remaining hopeful candidates are elected (at the last stage)."""
        t = self.tally
        newly = []
        for c in t.by_votes(t.continuing):
            if t.places_left:
                t.elect(c)
                newly.append(c)
        if newly:
            last = t.stages[-1]
            note = "the remaining hopeful candidates fill the remaining seats"
            t.stages[-1] = replace(
                last, elected=last.elected + tuple(newly), notes=(*last.notes, note)
            )
