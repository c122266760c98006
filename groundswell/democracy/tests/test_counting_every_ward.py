"""Every real election in the shared data, counted by every rule: what must always hold.

The declared winners of the 1,100 Scottish wards are not in the data (the official stage reports are tested in
test_counting_official.py), so each count is checked for what every correct count keeps: the quota, votes conserved
at every stage, exactly the seats filled, no one both elected and excluded, and a recount that repeats itself.
"""

import functools
from decimal import ROUND_DOWN, Decimal
from pathlib import Path

import pytest
from django.conf import settings

from groundswell.democracy.counting import (
    BltError,
    Election,
    Result,
    count,
    format_blt,
    parse_blt,
    read_blt,
)
from groundswell.democracy.tests.test_counting_fast_reader import same_election

STV = Path(settings.GROUNDSWELL_DATA_DIR) / "stv"
FILES = sorted(STV.glob("*/*.blt"))
MALFORMED = {"perth_kinross_2016_by_election_ward9.blt": (1, "'1,' is not a whole number")}
SEED = 2007

WELL_FORMED = [path for path in FILES if path.name not in MALFORMED]


def _over(paths: list[Path]) -> pytest.MarkDecorator:
    absent = pytest.param(None, marks=pytest.mark.skip(reason=f"no BLT files under {STV}"))
    return pytest.mark.parametrize(
        "path", paths or [absent], ids=lambda p: f"{p.parent.name}/{p.stem}" if p else "absent"
    )


every_file = _over(FILES)
every_count = _over(WELL_FORMED)


@functools.cache
def _election(path: Path) -> Election:
    return read_blt(path)


@functools.cache
def _count(path: Path, rule: str) -> Result:
    return count(_election(path), rule, seed=SEED)


@every_file
def test_every_file_is_read_or_refused_with_its_line_and_reason(path: Path) -> None:
    if path.name in MALFORMED:
        with pytest.raises(BltError) as refused:
            read_blt(path)
        assert (refused.value.line, refused.value.reason) == MALFORMED[path.name]
        return
    election = _election(path)
    assert len(election.standing) >= election.seats >= 1
    assert election.papers()
    for name in (*election.candidates, election.title):
        assert name == name.strip() and not name.startswith(("#", '"')), name
    assert all(election.candidates)


def _assert_conserved(result: Result) -> None:
    for stage in result.stages:
        held = sum(stage.votes.values(), Decimal(0))
        assert held + stage.non_transferable == result.valid_votes, f"stage {stage.number}"
        moved = sum(stage.transfers.values(), stage.non_transferable_change)
        assert moved == 0, f"stage {stage.number}"
        assert stage.votes.keys() == set(range(1, len(result.candidates) + 1)) - result.withdrawn


def _assert_seats_filled(election: Election, result: Result) -> None:
    assert len(result.elected) == election.seats
    assert len(set(result.elected)) == election.seats
    assert not set(result.elected) & set(result.excluded)
    assert [c for stage in result.stages for c in stage.elected] == list(result.elected)


@every_count
def test_scottish_stv_keeps_the_rules_of_the_order(path: Path) -> None:
    election = _election(path)
    result = _count(path, "scottish")
    papers = sum(n for _, n in election.papers())

    assert result.quota == papers // (election.seats + 1) + 1  # rule 46
    _assert_conserved(result)
    _assert_seats_filled(election, result)
    continuing, places_left = set(election.standing), election.seats
    for before, stage in zip((None, *result.stages), result.stages, strict=False):
        if stage.kind == "surplus":  # the elected candidate keeps the quota, the rest moves on
            assert stage.votes[stage.subjects[0]] == result.quota
        assert all(stage.votes[c] == 0 for c in stage.excluded)
        continuing -= set(stage.excluded)
        if any(stage.votes[c] < result.quota for c in stage.elected):  # rule 52: the last vacancies
            assert len(continuing) <= places_left
            assert set(stage.elected) == continuing
        continuing -= set(stage.elected)
        places_left -= len(stage.elected)
        assert all(stage.votes[c] < result.quota for c in continuing)  # rule 47: the quota elects
        if before is not None:
            assert stage.non_transferable >= before.non_transferable


@every_count
def test_a_recount_with_the_same_seed_repeats_every_figure(path: Path) -> None:
    election = _election(path)
    first = _count(path, "scottish")

    again = count(election, "scottish", seed=SEED)
    other_seed = count(election, "scottish", seed=SEED + 1)

    assert again.to_json() == first.to_json()
    if not first.lots:  # without a lot the seed changes nothing but itself
        assert other_seed.to_dict() | {"seed": SEED} == first.to_dict()


@every_count
def test_blt_export_then_import_counts_the_same(path: Path) -> None:
    election = _election(path)

    copy = parse_blt(format_blt(election))

    assert same_election(copy, election)
    assert count(copy, "scottish", seed=SEED).to_json() == _count(path, "scottish").to_json()


@every_count
def test_ers97_fills_the_seats_and_conserves_votes(path: Path) -> None:
    election = _election(path)
    result = _count(path, "ers97")

    hundredths = -(-papers_of(election) * 100 // (election.seats + 1))  # 5.1.6: rounded up
    assert result.quota == Decimal(hundredths) / 100
    _assert_conserved(result)
    _assert_seats_filled(election, result)


@every_count
def test_meek_fills_the_seats_and_conserves_votes(path: Path) -> None:
    election = _election(path)
    result = _count(path, "meek")

    _assert_conserved(result)
    _assert_seats_filled(election, result)
    nano = Decimal("0.000000001")
    for stage in result.stages:  # B.2.b: votes held / (seats + 1), truncated, plus 10^-9
        held = result.valid_votes - stage.non_transferable
        assert stage.quota == (held / (election.seats + 1)).quantize(nano, ROUND_DOWN) + nano


def test_instant_runoff_elects_the_scottish_stv_winner_of_every_single_seat_election() -> None:
    """With one seat, Scottish STV and instant runoff exclude in the same order, so must agree."""
    singles = [p for p in WELL_FORMED if _election(p).seats == 1]
    if not singles:
        pytest.skip(f"no single-seat elections under {STV}")

    differ = [p.name for p in singles if _count(p, "irv").elected != _count(p, "scottish").elected]

    assert len(singles) >= 20
    assert differ == []


def papers_of(election: Election) -> int:
    return sum(n for _, n in election.papers())
