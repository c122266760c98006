"""How the finder orders target seats for a volunteer: the nearest first, or where they are most needed.

Pure (no Django). "Most needed" weighs three things:

- need: the share of the seat's weekly goal still missing, gap = max(0, goal - sign-ups) / goal, plus a small
  BASELINE so a seat that has met its goal still ranks (canvassers are never unwelcome), just lower;
- distance: the score halves at TRAVEL_TOLERANCE_KM and keeps falling with its square, so an empty seat
  about 55 km away outranks a seat at its goal on the volunteer's doorstep, but not one 150 km away;
- priority: 1 (top) counts fully, 2 at 0.8, 3 at two thirds.

score = priority_weight × (BASELINE + gap) / (1 + (distance / TRAVEL_TOLERANCE_KM)²)
"""

from collections.abc import Iterable
from dataclasses import dataclass

TRAVEL_TOLERANCE_KM = 25.0
BASELINE = 0.2


@dataclass(frozen=True)
class Candidate:
    key: int  # the caller's id for the seat
    distance_km: float
    priority: int  # 1 = top
    weekly_goal: int
    signups: int  # sign-ups this week


def gap_share(weekly_goal: int, signups: int) -> float:
    """The missing share of the goal, 0 (met) to 1 (nobody yet); 0 for a goal of 0."""
    if weekly_goal <= 0:
        return 0.0
    return max(0, weekly_goal - signups) / weekly_goal


def priority_weight(priority: int) -> float:
    return 1.0 / (1.0 + 0.25 * (max(priority, 1) - 1))


def need_score(candidate: Candidate, tolerance_km: float = TRAVEL_TOLERANCE_KM) -> float:
    """Higher is where the volunteer does most good."""
    closeness = 1.0 / (1.0 + (max(candidate.distance_km, 0.0) / tolerance_km) ** 2)
    need = BASELINE + gap_share(candidate.weekly_goal, candidate.signups)
    return priority_weight(candidate.priority) * need * closeness


def rank_nearest(candidates: Iterable[Candidate]) -> list[Candidate]:
    """Nearest first; equal distances (e.g. two seats you are in) by priority."""
    return sorted(candidates, key=lambda c: (c.distance_km, c.priority, c.key))


def rank_most_needed(
    candidates: Iterable[Candidate], tolerance_km: float = TRAVEL_TOLERANCE_KM
) -> list[Candidate]:
    """Highest need score first; ties by distance."""
    return sorted(candidates, key=lambda c: (-need_score(c, tolerance_km), c.distance_km, c.key))
