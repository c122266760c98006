"""Distinct rankings as integer arrays: the form in which a big election is read and counted.

A million papers carry far fewer distinct rankings, and a count treats all papers with one ranking alike. Held as
one array (a row per ranking, candidates numbered from 1, padded with 0 at the end) with a count of papers per row,
a count can work on every ranking at once with numpy instead of paper by paper in Python. Every figure stays an
exact whole number: see `exact_sums`.
"""

from collections.abc import Iterator, Sequence
from typing import overload

import numpy as np
from numpy.typing import NDArray

from .ballots import Ballot, Election

Ints = NDArray[np.int64]

# Sums are made through float64 (numpy's bincount), which is exact while every total stays below 2**53.
EXACT_LIMIT = 2**53


class Rankings(Sequence[Ballot]):
    """Ballots as arrays: row i of `prefs` is a ranking (0 after its last preference) carried by `weights[i]`
    papers. Iterating gives Ballot objects, so an Election holding Rankings reads like any other."""

    __slots__ = ("prefs", "weights")

    def __init__(self, prefs: Ints, weights: Ints) -> None:
        self.prefs = prefs
        self.weights = weights

    def __len__(self) -> int:
        return len(self.weights)

    @overload
    def __getitem__(self, index: int) -> Ballot: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Ballot]: ...
    def __getitem__(self, index: int | slice) -> Ballot | Sequence[Ballot]:
        if isinstance(index, slice):
            return tuple(self)[index]
        row = self.prefs[index].tolist()
        return Ballot(int(self.weights[index]), tuple(c for c in row if c))

    def __iter__(self) -> Iterator[Ballot]:
        for weight, row in zip(self.weights.tolist(), self.prefs.tolist(), strict=True):
            yield Ballot(weight, tuple(c for c in row if c))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))


def exact_sums(labels: Ints, values: Ints, size: int) -> Ints:
    """Sum `values` by `labels` (0 <= label < size). Exact when the values are whole, non-negative and their
    total is below EXACT_LIMIT, which the callers check before counting this way."""
    sums = np.bincount(labels, weights=values.astype(np.float64), minlength=size)
    return np.rint(sums).astype(np.int64)


def table_of(election: Election) -> tuple[Ints, Ints]:
    """The distinct rankings of the valid papers and how many papers carry each, withdrawn candidates passed
    over: Election.papers() as arrays. Rankings read by the fast reader are converted without a Python loop."""
    if not isinstance(election.ballots, Rankings):
        return _from_papers(election.papers())
    prefs, weights = election.ballots.prefs, election.ballots.weights
    if np.any(weights < 1):
        raise ValueError("a ballot's weight must be at least 1")
    if election.withdrawn:
        prefs = _pass_over(prefs, sorted(election.withdrawn))
    keep = prefs[:, 0] > 0 if prefs.shape[1] else np.zeros(len(weights), dtype=bool)
    prefs, weights = prefs[keep], weights[keep]
    return merge(prefs, weights) if election.withdrawn else (prefs, weights)


def _from_papers(papers: list[tuple[tuple[int, ...], int]]) -> tuple[Ints, Ints]:
    width = max((len(prefs) for prefs, _ in papers), default=0)
    prefs = np.zeros((len(papers), width), dtype=np.int64)
    for row, (ranking, _n) in enumerate(papers):
        prefs[row, : len(ranking)] = ranking
    return prefs, np.array([n for _, n in papers], dtype=np.int64)


def _pass_over(prefs: Ints, withdrawn: list[int]) -> Ints:
    """Rankings with the withdrawn candidates removed and the later preferences moved up."""
    prefs = np.where(np.isin(prefs, withdrawn), 0, prefs)
    order = np.argsort(prefs == 0, axis=1, kind="stable")
    return np.take_along_axis(prefs, order, axis=1)


def merge(prefs: Ints, weights: Ints) -> tuple[Ints, Ints]:
    """Equal rows made one, their weights added; rows kept in order of first appearance."""
    if not len(weights):
        return prefs, weights
    keys = _row_keys(prefs)
    if keys is None:
        _rows, first, inverse = np.unique(prefs, axis=0, return_index=True, return_inverse=True)
    else:
        _keys, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
    inverse = inverse.reshape(-1)
    if int(weights.max()) * len(weights) < EXACT_LIMIT:
        totals = exact_sums(inverse, weights, len(first))
    else:
        totals = np.zeros(len(first), dtype=np.int64)
        np.add.at(totals, inverse, weights)
    order = np.argsort(first, kind="stable")
    return prefs[first[order]], totals[order]


def _row_keys(prefs: Ints) -> Ints | None:
    """One int64 per row, equal only for equal rows (the row read as digits in base max+1), if it fits."""
    base = int(prefs.max(initial=0)) + 1
    width = prefs.shape[1]
    if base**width >= 2**63:
        return None
    keys = np.zeros(len(prefs), dtype=np.int64)
    for column in range(width):
        keys = keys * base + prefs[:, column]
    return keys
