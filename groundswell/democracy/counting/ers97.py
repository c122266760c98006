"""ERS97: the Electoral Reform Society's rules, "How to conduct an election by the Single Transferable Vote",
3rd edition (1997), section 5, counted to two decimal places.

Quota: valid votes / (seats + 1) to two places, plus 0.01 unless exact (5.1.6), reduced while no one is elected
as papers become non-transferable (5.4.8). A candidate is deemed elected on reaching the quota, or the total active
vote / (places unfilled + 1) (5.1.7). Surpluses go largest first, but are deferred while they could not change who
is lowest (5.2.2); a surplus from the first stage passes on all the candidate's papers, a later one only the batch
that created it (5.3), at surplus / transferable papers, truncated to 0.01, or their present value if that is less
(5.3.7). Exclusions take as many of the lowest candidates together as the rules allow (5.2.5) and pass their papers
on in batches of equal value, highest first, electing as they go (5.4). Ties look at the earliest point at which the
candidates differed, then lot (5.2.3, 5.2.5, 5.6.2).
"""

from .ballots import Election
from .result import Result
from .tally import Parcel, Tally
from .ties import TieBreaker, narrow

PLACES = 2


def count_ers97(election: Election, ties: TieBreaker) -> Result:
    tally = Tally(election, ties, PLACES)
    count = _Ers97Count(tally)
    count.run()
    return tally.result("ers97", count.first_quota)


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


class _Ers97Count:
    def __init__(self, tally: Tally) -> None:
        self.tally = tally
        self.quota = _ceil_div(tally.total, tally.election.seats + 1)
        self.first_quota = self.quota
        # totals after the first stage and after every batch of papers, for ties (5.2.3)
        self.points: list[dict[int, int]] = []
        self.batch = 0
        self.newly: list[int] = []

    def run(self) -> None:
        t = self.tally
        self.mark_point()
        self.deem_elected()
        self.record("first", "first preferences", ())
        while t.places_left > 0 and t.continuing:
            t.update_doomed()
            surpluses = {c: t.votes[c] - self.quota for c in t.elected if t.votes[c] > self.quota}
            if t.doomed:
                self.exclude(sorted(t.doomed), "excluded to keep a minimum")
            elif surpluses and not self.deferrable(sum(surpluses.values())):
                self.transfer_surplus(self.largest(surpluses))
            else:
                self.exclude(self.lowest(sum(surpluses.values())))

    def mark_point(self) -> None:
        self.points.append(dict(self.tally.votes))

    def record(self, kind: str, action: str, subjects: tuple[int, ...], *notes: str) -> None:
        t = self.tally
        if 0 < len(t.continuing) <= t.places_left:  # 4.3: as many continuing as places left
            notes += ("the continuing candidates fill the remaining places",)
            for c in t.by_votes(t.continuing):
                t.elect(c)
                self.newly.append(c)
        excluded = subjects if kind == "exclusion" else ()
        t.record(kind, action, subjects, self.quota, self.newly, excluded, notes)
        self.newly = []

    def active_vote(self) -> int:
        """Total valid vote less the quotas (or votes, if less) of the elected and the non-transferable (5.6.1)."""
        t = self.tally
        held = sum(min(self.quota, t.votes[c]) for c in t.elected)
        return t.total - held - t.exhausted - t.loss

    def reaches(self, votes: int) -> bool:
        places = self.tally.places_left
        return votes >= self.quota or (votes > 0 and votes * (places + 1) >= self.active_vote())

    def deem_elected(self) -> None:
        """5.1.7, 5.3.13, 5.4.9: in descending order of votes; equal candidates without enough places (5.6.2)."""
        t = self.tally
        order = t.by_votes(t.continuing)
        while order and t.places_left > 0 and self.reaches(t.votes[order[0]]):
            group = [c for c in order if t.votes[c] == t.votes[order[0]]]
            order = order[len(group) :]
            while group and t.places_left > 0:
                top = narrow(group, self.points, lowest=False, latest_first=False)
                if len(top) > t.places_left or not self.reaches(t.votes[top[0]]):
                    return  # equal at every point with too few places: none of them this time
                for c in top:
                    group.remove(c)
                    if t.may_elect(c):
                        t.elect(c)
                        self.newly.append(c)

    def deferrable(self, surplus: int) -> bool:
        """5.2.2: the surpluses could not lift the lowest candidate(s) above the next one up."""
        return self.batch_size(surplus) > 0

    def batch_size(self, surplus: int) -> int:
        """5.2.5: how many of the lowest can go together, their votes and the deferred surpluses not exceeding the
        next candidate's, leaving enough to fill the places; 0 if none."""
        t = self.tally
        order = sorted(t.votes[c] for c in t.excludable())
        best, running = 0, surplus
        for k in range(1, len(order)):
            running += order[k - 1]
            if len(t.continuing) - k < t.places_left:
                break
            if running <= order[k]:
                best = k
        return best

    def lowest(self, surplus: int) -> list[int]:
        t = self.tally
        pool = t.excludable() or set(t.continuing)
        size = max(1, self.batch_size(surplus))
        ranked = sorted(pool, key=lambda c: t.votes[c])
        edge = t.votes[ranked[size - 1]]
        chosen = [c for c in ranked if t.votes[c] < edge]
        tied = [c for c in ranked if t.votes[c] == edge]
        while len(chosen) < size:
            pick = t.ties.pick(
                tied,
                self.points,
                lowest=True,
                latest_first=False,
                stage=t.next_stage,
                purpose="exclusion",
            )
            tied.remove(pick)
            chosen.append(pick)
        return sorted(chosen)

    def largest(self, surpluses: dict[int, int]) -> int:
        t = self.tally
        top = max(surpluses.values())
        tied = [c for c, s in surpluses.items() if s == top]
        return t.ties.pick(
            tied,
            self.points,
            lowest=False,
            latest_first=False,
            stage=t.next_stage,
            purpose="surplus",
        )

    def transfer_surplus(self, candidate: int) -> None:
        """5.3: the last batch received (all papers from the first stage), at one transfer value."""
        t = self.tally
        surplus = t.votes[candidate] - self.quota
        held = t.held[candidate]
        last = max(p[4] for p in held)
        batch = [p for p in held if p[4] == last]
        t.held[candidate] = [p for p in held if p[4] != last]
        movable = [p for p in batch if t.next_choice(p) is not None]
        papers = sum(p[3] for p in movable)
        present = sum(p[2] * p[3] for p in movable)
        self.batch += 1
        if present > surplus:
            value = surplus // papers
            t.transfer(movable, lambda v: value, self.batch)
            t.loss += surplus - value * papers  # the "non-transferable difference" (5.3.9)
        else:
            t.transfer(movable, lambda v: v, self.batch)
            t.exhausted += surplus - present
        t.votes[candidate] = self.quota
        self.mark_point()
        self.deem_elected()
        self.record("surplus", f"surplus of {t.name(candidate)}", (candidate,))

    def exclude(self, candidates: list[int], *notes: str) -> None:
        t = self.tally
        names = ", ".join(t.name(c) for c in candidates)
        for c in candidates:
            t.exclude(c)
        if t.places_left and len(t.continuing) == t.places_left:
            # 5.5.1: the remaining candidates are elected, no papers need move
            self.record("exclusion", f"exclusion of {names}", tuple(candidates), *notes)
            return
        parcels = [(c, p) for c in candidates for p in t.take(c)]
        for value in sorted({p[2] for _, p in parcels}, reverse=True):
            if not t.places_left:
                break  # 5.5.2: all places filled, no further transfers
            self.transfer_batch([(c, p) for c, p in parcels if p[2] == value])
        self.record("exclusion", f"exclusion of {names}", tuple(candidates), *notes)

    def transfer_batch(self, parcels: list[tuple[int, Parcel]]) -> None:
        """5.4.2-5.4.9: one batch of equal value, then a reduced quota if no one is elected yet, then elections."""
        t = self.tally
        self.batch += 1
        for holder, parcel in parcels:
            t.votes[holder] -= parcel[2] * parcel[3]
        t.exhausted += t.transfer((p for _, p in parcels), lambda v: v, self.batch)
        if not t.elected:
            self.quota = _ceil_div(t.total - t.exhausted - t.loss, t.election.seats + 1)
        self.mark_point()
        self.deem_elected()
