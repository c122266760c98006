"""Ties: decided by earlier stages where the rule says so, otherwise by a lot that the seed repeats."""

import pytest

from groundswell.core.testing import shared_data
from groundswell.democracy.counting import count, parse_blt, read_blt
from groundswell.democracy.counting.ties import narrow


def test_scottish_stv_excludes_the_candidate_lower_at_the_most_recent_differing_stage() -> None:
    """weak-defeat: B and C tie on 3 after A's exclusion; B had fewer at the stage before, so B goes (rule 51)."""
    election = read_blt(shared_data("stv", "glasgow-2007", "weak-defeat.blt"))

    result = count(election, "scottish", seed=1)

    assert result.stages[1].votes[2] == result.stages[1].votes[3] == 3
    assert result.stages[2].action == "exclusion of B"
    assert result.lots == ()
    assert [result.name(c) for c in result.elected] == ["E", "D"]


def test_a_tie_at_every_stage_is_decided_by_a_lot_the_seed_repeats() -> None:
    """weak-surplus: E and F have 3 votes at every stage, so which is excluded is drawn by lot (rule 51)."""
    election = read_blt(shared_data("stv", "glasgow-2007", "weak-surplus.blt"))

    drawn = {seed: count(election, "scottish", seed=seed) for seed in range(12)}

    for seed, result in drawn.items():
        (lot,) = result.lots
        assert (lot.stage, lot.purpose, lot.among) == (3, "exclusion", (5, 6))
        assert result.stages[2].excluded == (lot.chosen,)
        assert result.seed == seed
        assert count(election, "scottish", seed=seed).to_json() == result.to_json()
        assert [result.name(c) for c in result.elected] == ["A", "B", "C", "D"]
    assert {result.lots[0].chosen for result in drawn.values()} == {5, 6}


def test_without_a_seed_one_is_drawn_and_recorded_so_the_count_can_be_repeated() -> None:
    election = read_blt(shared_data("stv", "glasgow-2007", "weak-surplus.blt"))

    first = count(election, "scottish")

    assert count(election, "scottish", seed=first.seed).to_json() == first.to_json()


def test_looking_back_can_run_from_the_latest_or_the_earliest_stage() -> None:
    history = [{1: 5, 2: 4, 3: 5}, {1: 6, 2: 7, 3: 6}, {1: 9, 2: 9, 3: 9}]

    assert narrow([1, 2, 3], history, lowest=True, latest_first=True) == [1, 3]
    assert narrow([1, 2, 3], history, lowest=True, latest_first=False) == [2]
    assert narrow([1, 3], history, lowest=False, latest_first=True) == [1, 3]


@pytest.mark.parametrize("rule", ["scottish", "ers97", "meek", "irv"])
def test_every_rule_records_the_lot_it_draws(rule: str) -> None:
    election = parse_blt("4 1\n4 1 0\n3 2 0\n2 3 0\n2 4 0\n0\nA\nB\nC\nD\nTie at the bottom\n")

    result = count(election, rule, seed=4)

    assert len(result.lots) == 1
    assert set(result.lots[0].among) == {3, 4}
    assert result.stages[1].excluded == (result.lots[0].chosen,)
