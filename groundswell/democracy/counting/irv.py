"""Instant runoff for a single seat: a candidate with more than half the votes of the continuing candidates wins;
otherwise the lowest is excluded and their papers pass to the next preference. Ties for exclusion go by the most
recent stage at which the candidates differed, then by lot."""

from .arraytally import tally_for
from .ballots import Election
from .result import Result
from .tally import Tally
from .ties import TieBreaker


def count_irv(election: Election, ties: TieBreaker) -> Result:
    if election.seats != 1:
        raise ValueError(f"instant runoff fills one seat; this election has {election.seats}")
    tally = tally_for(election, ties, 0)
    first = _majority(tally)
    subjects: tuple[int, ...] = ()
    kind, action = "first", "first preferences"
    while True:
        winner, majority = _winner(tally), _majority(tally)
        if winner is not None:
            tally.elect(winner)
        elected = [] if winner is None else [winner]
        tally.record(kind, action, subjects, majority, elected, subjects)
        if winner is not None:
            break
        loser = _lowest(tally)
        tally.exclude(loser)
        tally.exhausted += tally.move(loser, 1, 1)
        tally.votes[loser] = 0
        kind, action, subjects = "exclusion", f"exclusion of {tally.name(loser)}", (loser,)
    return tally.result("irv", first)


def _majority(tally: Tally) -> int:
    """The fewest votes that are more than half the continuing candidates' votes."""
    pool = tally.continuing
    return sum(tally.votes[c] for c in pool) // 2 + 1


def _winner(tally: Tally) -> int | None:
    tally.update_doomed()
    hopeful = tally.continuing - tally.doomed
    leader = max(hopeful, key=lambda c: (tally.votes[c], -c))
    if len(hopeful) == 1 or tally.votes[leader] >= _majority(tally):
        return leader
    return None


def _lowest(tally: Tally) -> int:
    pool = tally.doomed or tally.excludable() or tally.continuing
    low = min(tally.votes[c] for c in pool)
    tied = [c for c in pool if tally.votes[c] == low]
    return tally.ties.pick(
        tied,
        tally.history,
        lowest=True,
        latest_first=True,
        stage=tally.next_stage,
        purpose="exclusion",
    )
