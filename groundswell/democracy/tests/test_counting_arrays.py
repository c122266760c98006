"""The counts done with numpy over distinct rankings (ArrayTally for Scottish STV and instant runoff, the array
share-out for Meek) must give exactly the figures of the plain Python counts, stage by stage, on every real
election; and the plain counts must be used wherever int64 arithmetic could overflow or lose exactness."""

import functools
from pathlib import Path

import pytest
from django.conf import settings

from groundswell.democracy.counting import (
    Ballot,
    Election,
    Result,
    arraytally,
    count,
    meek,
    read_blt,
)
from groundswell.democracy.counting.arraytally import ArrayTally, tally_for
from groundswell.democracy.counting.tally import Tally
from groundswell.democracy.counting.ties import TieBreaker

STV = Path(settings.GROUNDSWELL_DATA_DIR) / "stv"
MALFORMED = "perth_kinross_2016_by_election_ward9.blt"
FILES = [path for path in sorted(STV.glob("*/*.blt")) if path.name != MALFORMED]
SEED = 2007


@functools.cache
def _election(path: Path) -> Election:
    return read_blt(path)


def _plain(election: Election, rule: str, monkeypatch: pytest.MonkeyPatch) -> Result:
    with monkeypatch.context() as patch:
        patch.setattr(arraytally, "EXACT_LIMIT", 0)
        patch.setattr(meek, "EXACT_LIMIT", 0)
        return count(election, rule, seed=SEED)


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_scottish_stv_with_arrays_gives_the_plain_count_figure_for_figure(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    election = _election(path)

    assert count(election, "scottish", seed=SEED) == _plain(election, "scottish", monkeypatch)
    if election.seats == 1:
        assert count(election, "irv", seed=SEED) == _plain(election, "irv", monkeypatch)


@pytest.mark.parametrize("path", FILES[::4], ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_meek_with_arrays_gives_the_plain_count_figure_for_figure(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    election = _election(path)

    assert count(election, "meek", seed=SEED) == _plain(election, "meek", monkeypatch)


def _election_of(papers: int) -> Election:
    return Election(("A", "B"), 1, (Ballot(papers, (1,)), Ballot(1, (2, 1))))


def test_arrays_are_used_while_int64_stays_exact() -> None:
    assert isinstance(tally_for(_election_of(10**6), TieBreaker(1), 5), ArrayTally)


def test_the_plain_count_is_used_where_int64_could_overflow() -> None:
    """surplus x value must stay below 2**63: at 5 places, over 922 million papers would not."""
    tally = tally_for(_election_of(10**9), TieBreaker(1), 5)

    assert type(tally) is Tally
    result = count(_election_of(10**9), "scottish", seed=1)
    assert result.elected == (1,)


def test_meek_shares_out_with_python_ints_where_totals_could_lose_exactness() -> None:
    election = _election_of(10**7)  # 10**7 papers x 10**9 units passes 2**53

    assert meek._MeekCount(election, TieBreaker(1)).spread is None
    result = count(election, "meek", seed=1)

    assert result.elected == (1,)
    assert result.valid_votes == 10**7 + 1
