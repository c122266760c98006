"""Reads for the organisers' target pages: who may see them, the targets, seats to add, the proposed list, and
national coverage (sign-ups this week against each target's goal). No personal data is read here."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Q, QuerySet, Value, When
from django.shortcuts import get_object_or_404

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.geo.models import Constituency
from groundswell.targets.counting import signups_this_week, upcoming_session_counts
from groundswell.targets.models import Priority, Target
from groundswell.targets.ranking import gap_share
from groundswell.targets.wording import margin_text

PROPOSALS = 50


def can_manage_targets(user: Any) -> bool:
    return sees_everyone(user)


def can_see_coverage(user: Any) -> bool:
    """National roles, and organisers of any group (to put on sessions where the gaps are)."""
    return sees_everyone(user) or organised_group_ids(user).exists()


def targets_for_manage(user: Any) -> QuerySet[Target]:
    if not can_manage_targets(user):
        raise PermissionDenied("Only national organisers choose target seats.")
    return Target.objects.select_related("constituency").order_by(
        "-active", "priority", "constituency__majority_pct", "constituency__name"
    )


def get_target_for_manage(user: Any, pk: int) -> Target:
    return get_object_or_404(targets_for_manage(user), pk=pk)


def proposed_seats(limit: int = PROPOSALS) -> list[Constituency]:
    """The seats with the smallest 2024 majority (as a share of valid votes) that are not targets yet."""
    return list(
        Constituency.objects.filter(majority_pct__isnull=False, target__isnull=True).order_by(
            "majority_pct", "name"
        )[:limit]
    )


def seats_matching(text: str, limit: int = 20) -> list[Constituency]:
    """Seats not yet targets whose name contains `text` (English or Welsh)."""
    text = text.strip()
    if not text:
        return []
    named = Constituency.objects.filter(Q(name__icontains=text) | Q(name_cy__icontains=text))
    closeness = Case(
        When(name__iexact=text, then=Value(0)),
        When(name__istartswith=text, then=Value(1)),
        default=Value(2),
    )
    return list(named.filter(target__isnull=True).order_by(closeness, "name")[:limit])


@dataclass(frozen=True)
class CoverageRow:
    target: Target
    signups: int
    upcoming: int

    @property
    def seat(self) -> Constituency:
        return self.target.constituency

    @property
    def gap(self) -> int:
        return max(0, self.target.weekly_goal - self.signups)

    @property
    def share(self) -> float:
        """Sign-ups as a share of the goal (may pass 1)."""
        return self.signups / self.target.weekly_goal

    @property
    def percent(self) -> int:
        return round(100 * self.share)

    @property
    def margin(self) -> str:
        return margin_text(
            self.seat.winner_party, self.seat.runner_up_party, self.seat.majority_pct
        )

    @property
    def priority_label(self) -> str:
        return str(Priority(self.target.priority).label)


def coverage(user: Any, now: datetime) -> list[CoverageRow]:
    """Every active target with its sign-ups this week and upcoming sessions, the worst gaps first.
    Three queries whatever the number of targets."""
    if not can_see_coverage(user):
        raise PermissionDenied("Coverage is for organisers.")
    targets = list(Target.objects.filter(active=True).select_related("constituency"))
    seat_ids = [t.constituency_id for t in targets]
    signups = signups_this_week(seat_ids, now)
    upcoming = upcoming_session_counts(seat_ids, now)
    rows = [
        CoverageRow(t, signups.get(t.constituency_id, 0), upcoming.get(t.constituency_id, 0))
        for t in targets
    ]
    return sorted(
        rows,
        key=lambda r: (
            -gap_share(r.target.weekly_goal, r.signups),
            r.target.priority,
            -r.gap,
            r.seat.name,
        ),
    )
