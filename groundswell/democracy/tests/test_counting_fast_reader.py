"""The fast BLT reader (fastblt) must read every file exactly as the line-by-line reader does, and leave every
file it cannot read plainly, or that is malformed, to that reader (so errors still name their line)."""

import functools
from pathlib import Path

import numpy as np
import pytest
from django.conf import settings

from groundswell.democracy.counting import Ballot, BltError, Election, parse_blt
from groundswell.democracy.counting.blt import parse_blt_lines
from groundswell.democracy.counting.fastblt import parse_fast
from groundswell.democracy.counting.rankings import Rankings, table_of

STV = Path(settings.GROUNDSWELL_DATA_DIR) / "stv"
FILES = sorted(STV.glob("*/*.blt"))
MALFORMED = {"perth_kinross_2016_by_election_ward9.blt"}


def same_election(one: Election, other: Election) -> bool:
    """Equal but for how the papers are grouped into ballots (the fast reader merges equal rankings)."""
    fields = ("candidates", "seats", "withdrawn", "title", "categories", "minimums")
    return all(getattr(one, f) == getattr(other, f) for f in fields) and sorted(
        one.papers()
    ) == sorted(other.papers())


@functools.cache
def _text(path: Path) -> str:
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_the_fast_reader_reads_every_file_as_the_line_reader_does(path: Path) -> None:
    text = _text(path)
    fast = parse_fast(text)
    if path.name in MALFORMED:
        assert fast is None
        return
    slow = parse_blt_lines(text)

    if fast is not None:
        assert isinstance(fast.ballots, Rankings)
        assert same_election(fast, slow)
        prefs, counts = table_of(fast)
        assert sorted(zip(map(_ranking, prefs.tolist()), counts.tolist(), strict=True)) == sorted(
            slow.papers()
        )


def _ranking(row: list[int]) -> tuple[int, ...]:
    return tuple(c for c in row if c)


def test_the_fast_reader_takes_most_of_the_real_files() -> None:
    if not FILES:
        pytest.skip(f"no BLT files under {STV}")
    fast = sum(parse_fast(_text(path)) is not None for path in FILES)
    assert fast >= len(FILES) * 0.9


PLAIN = '3 2\n1 1 2 0\n2 3 0\n1 1 2 0\n5 2 3 1 0\n0\n"Ann"\n"Bob"\n"Cat"\n"Poll"\n'


def test_it_merges_equal_rankings_and_adds_their_weights() -> None:
    election = parse_fast(PLAIN)

    assert election is not None
    assert sorted(election.ballots, key=lambda b: b.prefs) == [
        Ballot(2, (1, 2)),
        Ballot(5, (2, 3, 1)),
        Ballot(2, (3,)),
    ]
    assert (election.candidates, election.seats, election.title) == (
        ("Ann", "Bob", "Cat"),
        2,
        "Poll",
    )


def test_it_reads_windows_line_ends_withdrawals_and_comments_before_the_ballots() -> None:
    text = "# a comment\r\n3 2\r\n-2\r\n" + PLAIN.split("\n", 1)[1].replace("\n", "\r\n")

    election = parse_fast(text)

    assert election is not None and election.withdrawn == frozenset({2})
    assert same_election(election, parse_blt_lines(text))
    assert sorted(election.papers()) == [((1,), 2), ((3,), 2), ((3, 1), 5)]


@pytest.mark.parametrize(
    "ballot_lines",
    [
        "1 1 2\n",  # no closing 0
        "1 1 2 0\n\n2 3 0\n",  # a blank line
        "1 1 2 0 # why\n",  # a comment
        "(7) 1 1 2 0\n",  # a ballot id
        "1 1=2 0\n",  # an equal ranking
    ],
)
def test_it_leaves_lines_it_does_not_read_plainly_to_the_line_reader(ballot_lines: str) -> None:
    text = f"3 2\n{ballot_lines}0\nAnn\nBob\nCat\n"

    assert parse_fast(text) is None


@pytest.mark.parametrize(
    ("ballot_lines", "line", "reason"),
    [
        ("1 1 2 0\n0 3 0\n", 3, "a ballot's weight must be at least 1"),
        ("1 1 4 0\n", 2, "preference for candidate 4 of 3"),
        ("1 1 2 1 0\n", 2, "candidate 1 is ranked twice"),
        ("1 1 0 2 0\n", 2, "preferences after the closing 0"),
        ("99999999999999999999 1 0\n", None, None),  # too big for int64: read exactly, line by line
    ],
)
def test_a_faulty_ballot_line_is_refused_as_the_line_reader_refuses_it(
    ballot_lines: str, line: int | None, reason: str | None
) -> None:
    text = f"3 2\n{ballot_lines}0\nAnn\nBob\nCat\n"

    assert parse_fast(text) is None
    if reason is None:
        assert parse_blt(text).ballots[0].weight == 99999999999999999999
        return
    with pytest.raises(BltError) as refused:
        parse_blt(text)
    assert (refused.value.line, refused.value.reason) == (line, reason)


def test_a_spaced_line_0_ends_the_ballots_where_the_line_reader_ends_them() -> None:
    text = "3 2\n1 1 2 0\n 0\n2 3 0\n0\nAnn\nBob\nCat\n"

    assert parse_fast(text) is None
    with pytest.raises(BltError) as refused:
        parse_blt(text)
    assert (refused.value.line, refused.value.reason) == (8, "unexpected text after the title")


def test_rankings_read_like_a_tuple_of_ballots() -> None:
    rankings = Rankings(np.array([[2, 1, 0], [3, 0, 0]]), np.array([4, 1]))
    ballots = (Ballot(4, (2, 1)), Ballot(1, (3,)))

    assert len(rankings) == 2
    assert rankings[1] == ballots[1]
    assert rankings[:1] == ballots[:1]
    assert tuple(rankings) == ballots
    assert rankings == ballots and hash(rankings) == hash(ballots)


def test_withdrawn_candidates_are_passed_over_in_the_arrays_as_in_papers() -> None:
    text = "4 2\n-1 -3\n1 1 2 0\n2 3 0\n1 2 4 0\n1 3 1 4 0\n3 1 3 0\n2 3 2 0\n0\nA\nB\nC\nD\n"
    election = parse_fast(text)
    assert election is not None

    prefs, counts = table_of(election)

    assert sorted(zip(map(_ranking, prefs.tolist()), counts.tolist(), strict=True)) == sorted(
        parse_blt_lines(text).papers()
    )
    assert sorted(zip(map(_ranking, prefs.tolist()), counts.tolist(), strict=True)) == [
        ((2,), 3),  # 1 2 and 3 2 are both just 2 once 1 and 3 are withdrawn
        ((2, 4), 1),
        ((4,), 1),
    ]
