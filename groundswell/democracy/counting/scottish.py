"""Scottish STV: the count of the Scottish Local Government Elections Order 2007 (SSI 2007/42, schedule 1,
rules 45-52), as used for every Scottish council ward since 2007.

Quota floor(valid papers / (seats + 1)) + 1 (rule 46). A candidate with a surplus passes on all their papers, each
at surplus x its value / their total, to 5 decimal places with any remainder ignored (rule 48); the largest surplus
goes first, equal ones by the most recent stage at which the candidates' votes differed, then by lot (rule 49).
With no surplus left the lowest candidate is excluded and every paper passes on at its value, in one stage
(rule 50), ties decided like surpluses (rule 51). When as many candidates continue as seats remain, they are elected
(rule 52). Papers with no further preference, and the remainders ignored, are reported as non-transferable.
"""

from collections.abc import Sequence

from .arraytally import tally_for
from .ballots import Election
from .result import Result
from .tally import Tally
from .ties import TieBreaker

PLACES = 5


def count_scottish(election: Election, ties: TieBreaker) -> Result:
    tally = tally_for(election, ties, PLACES)
    papers = tally.total // tally.unit
    quota = (papers // (election.seats + 1) + 1) * tally.unit
    _ScottishCount(tally, quota).run()
    return tally.result("scottish", quota)


class _ScottishCount:
    def __init__(self, tally: Tally, quota: int) -> None:
        self.tally = tally
        self.quota = quota

    def run(self) -> None:
        t = self.tally
        self.end_stage("first", "first preferences", (), ())
        while t.places_left > 0 and t.continuing:
            t.update_doomed()
            surplus = self.largest_surplus()
            if t.doomed:
                self.exclude(self.lowest(t.doomed), "excluded to keep a minimum")
            elif surplus is not None:
                self.transfer_surplus(surplus)
            else:
                self.exclude(self.lowest(t.excludable() or t.continuing))

    def end_stage(
        self, kind: str, action: str, subjects: Sequence[int], excluded: Sequence[int], *notes: str
    ) -> None:
        """Elect whoever reached the quota (rule 47), then fill the last vacancies (rule 52), and record."""
        t = self.tally
        newly: list[int] = []
        for c in t.by_votes(t.continuing):
            if t.votes[c] < self.quota or not t.places_left:
                break
            if t.may_elect(c):
                t.elect(c)
                newly.append(c)
        if 0 < len(t.continuing) <= t.places_left:
            notes += ("the continuing candidates fill the last vacancies (rule 52)",)
            for c in t.by_votes(t.continuing):
                t.elect(c)
                newly.append(c)
        t.record(kind, action, subjects, self.quota, newly, excluded, notes)

    def largest_surplus(self) -> int | None:
        t = self.tally
        holders = [c for c in t.elected if t.votes[c] > self.quota]
        if not holders:
            return None
        top = max(t.votes[c] for c in holders)
        tied = [c for c in holders if t.votes[c] == top]
        return t.ties.pick(
            tied, t.history, lowest=False, latest_first=True, stage=t.next_stage, purpose="surplus"
        )

    def lowest(self, pool: set[int]) -> int:
        t = self.tally
        low = min(t.votes[c] for c in pool)
        tied = [c for c in pool if t.votes[c] == low]
        return t.ties.pick(
            tied, t.history, lowest=True, latest_first=True, stage=t.next_stage, purpose="exclusion"
        )

    def transfer_surplus(self, candidate: int) -> None:
        t = self.tally
        total = t.votes[candidate]
        surplus = total - self.quota
        before = sum(t.votes[c] for c in t.continuing)
        stranded = t.move(candidate, surplus, total)
        passed_on = sum(t.votes[c] for c in t.continuing) - before
        t.votes[candidate] = self.quota
        t.exhausted += stranded
        t.loss += surplus - passed_on - stranded
        self.end_stage("surplus", f"surplus of {t.name(candidate)}", (candidate,), ())

    def exclude(self, candidate: int, *notes: str) -> None:
        t = self.tally
        t.exclude(candidate)
        t.exhausted += t.move(candidate, 1, 1)
        t.votes[candidate] = 0
        action = f"exclusion of {t.name(candidate)}"
        self.end_stage("exclusion", action, (candidate,), (candidate,), *notes)
