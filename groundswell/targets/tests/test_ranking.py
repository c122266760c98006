"""The finder's orderings: nearest first, and 'most needed' weighing the gap against the distance."""

import pytest

from groundswell.targets.ranking import (
    TRAVEL_TOLERANCE_KM,
    Candidate,
    gap_share,
    need_score,
    rank_most_needed,
    rank_nearest,
)


def seat(key: int, km: float, signups: int = 0, goal: int = 20, priority: int = 2) -> Candidate:
    return Candidate(key=key, distance_km=km, priority=priority, weekly_goal=goal, signups=signups)


def keys(ranked: list[Candidate]) -> list[int]:
    return [c.key for c in ranked]


def test_the_gap_is_the_missing_share_of_the_goal_and_never_negative() -> None:
    assert gap_share(20, 0) == 1
    assert gap_share(20, 5) == 0.75
    assert gap_share(20, 20) == 0
    assert gap_share(20, 35) == 0
    assert gap_share(0, 3) == 0


def test_nearest_orders_by_distance_then_priority() -> None:
    ranked = rank_nearest([seat(1, 12.0), seat(2, 0.0, priority=3), seat(3, 0.0, priority=1)])
    assert keys(ranked) == [3, 2, 1]


def test_an_empty_seat_a_little_further_beats_a_full_one_next_door() -> None:
    full_nearby = seat(1, 2.0, signups=20)
    empty_further = seat(2, 30.0, signups=0)
    assert keys(rank_most_needed([full_nearby, empty_further])) == [2, 1]


def test_distance_still_wins_when_the_trip_is_long() -> None:
    half_full_nearby = seat(1, 3.0, signups=10)
    empty_far_away = seat(2, 150.0, signups=0)
    assert keys(rank_most_needed([empty_far_away, half_full_nearby])) == [1, 2]


def test_the_score_halves_at_the_travel_tolerance() -> None:
    here, there = seat(1, 0.0), seat(2, TRAVEL_TOLERANCE_KM)
    assert need_score(there) == pytest.approx(need_score(here) / 2)


def test_a_seat_over_its_goal_still_ranks_but_below_one_in_need() -> None:
    over = seat(1, 5.0, signups=40)
    short = seat(2, 5.0, signups=5)
    assert need_score(over) > 0
    assert keys(rank_most_needed([over, short])) == [2, 1]


def test_top_priority_counts_more_at_equal_need_and_distance() -> None:
    ranked = rank_most_needed([seat(1, 10.0, priority=3), seat(2, 10.0, priority=1)])
    assert keys(ranked) == [2, 1]


def test_need_matters_more_than_a_few_km() -> None:
    nearly_met = seat(1, 4.0, signups=18)
    nobody = seat(2, 9.0, signups=0)
    assert keys(rank_most_needed([nearly_met, nobody])) == [2, 1]
