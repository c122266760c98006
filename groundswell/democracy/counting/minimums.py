"""At least N winners from a category (e.g. women), kept by guarding and dooming candidates during a count.

A category's candidates are guarded (never excluded) once no more of them are left than it still needs; when the
seats left are all needed by categories short of their minimum, every other continuing candidate is doomed
(excluded at the next opportunity), and a candidate whose election would leave too few seats for the minimums is
doomed rather than elected. Categories are taken to be disjoint.
"""

from collections.abc import Collection, Iterable

from .ballots import Election


class Minimums:
    def __init__(self, election: Election) -> None:
        self._rules = [
            (election.categories[name], minimum)
            for name, minimum in sorted(election.minimums.items())
            if minimum > 0
        ]

    def __bool__(self) -> bool:
        return bool(self._rules)

    def shortfall(self, elected: Iterable[int]) -> int:
        chosen = set(elected)
        return sum(max(0, minimum - len(members & chosen)) for members, minimum in self._rules)

    def may_elect(self, candidate: int, elected: Collection[int], places_left: int) -> bool:
        return self.shortfall([*elected, candidate]) <= places_left - 1

    def guarded(self, continuing: Collection[int], elected: Collection[int]) -> set[int]:
        chosen = set(elected)
        guarded: set[int] = set()
        for members, minimum in self._rules:
            pool = members & set(continuing)
            if 0 < minimum - len(members & chosen) >= len(pool):
                guarded |= pool
        return guarded

    def doomed(
        self, continuing: Collection[int], elected: Collection[int], places_left: int
    ) -> set[int]:
        if not self._rules or self.shortfall(elected) < places_left:
            return set()
        chosen = set(elected)
        needy: set[int] = set()
        for members, minimum in self._rules:
            if minimum > len(members & chosen):
                needy |= members
        return set(continuing) - needy
