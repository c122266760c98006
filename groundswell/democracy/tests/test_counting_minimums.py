"""At least N winners from a category, on a real ward: Edinburgh 2017 ward 1, where no Green or SNP pair won."""

from dataclasses import replace

import pytest

from groundswell.core.testing import shared_data
from groundswell.democracy.counting import Election, count, read_blt


def _ward() -> Election:
    return read_blt(shared_data("stv", "scotland-2007-2022", "edinburgh_2017_ward1.blt"))


def _party(election: Election, tag: str) -> frozenset[int]:
    return frozenset(c for c in election.standing if election.name(c).endswith(f"({tag})"))


@pytest.mark.parametrize("rule", ["scottish", "ers97", "meek"])
@pytest.mark.parametrize(("tag", "at_least"), [("Grn", 1), ("SNP", 2)])
def test_the_minimum_is_elected_and_every_stage_still_balances(
    rule: str, tag: str, at_least: int
) -> None:
    ward = _ward()
    members = _party(ward, tag)
    assert len(set(count(ward, rule, seed=1).elected) & members) < at_least  # as cast, too few win

    result = count(replace(ward, categories={tag: members}, minimums={tag: at_least}), rule, seed=1)

    assert len(set(result.elected) & members) == at_least
    assert len(result.elected) == ward.seats
    for stage in result.stages:
        assert sum(stage.votes.values()) + stage.non_transferable == result.valid_votes


def test_a_minimum_picks_the_instant_runoff_winner_from_the_category() -> None:
    ward = replace(_ward(), seats=1)
    greens = _party(ward, "Grn")

    result = count(replace(ward, categories={"Grn": greens}, minimums={"Grn": 1}), "irv", seed=1)

    assert set(result.elected) == greens


def test_a_minimum_the_category_cannot_meet_is_refused() -> None:
    ward = _ward()

    with pytest.raises(ValueError, match="at least 2 from 'Grn' cannot be elected"):
        replace(ward, categories={"Grn": _party(ward, "Grn")}, minimums={"Grn": 2})
