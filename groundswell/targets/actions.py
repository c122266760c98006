"""Every write to targets: national organisers adding seats, changing their priority and goal, and adopting the
proposed list of the most marginal seats. Each runs in one transaction and tells the finder's snapshot."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from groundswell.core.access import sees_everyone
from groundswell.geo.models import Constituency
from groundswell.targets.models import Priority, Target
from groundswell.targets.snapshot import targets_changed

MAX_WEEKLY_GOAL = 10_000
DEFAULT_WEEKLY_GOAL = 20


class TargetError(ValueError):
    """A change to targets that cannot be made, with a message fit to show the organiser."""


def priority_for_margin(majority_pct: float | None) -> int:
    """The default priority of a proposed seat: top under 1%, high under 2.5%, else normal."""
    if majority_pct is not None and majority_pct < 1:
        return Priority.TOP
    if majority_pct is not None and majority_pct < 2.5:
        return Priority.HIGH
    return Priority.NORMAL


def _require_national(actor: Any) -> None:
    if not sees_everyone(actor):
        raise PermissionDenied("Only national organisers choose target seats.")


def _checked(priority: Any, weekly_goal: Any) -> tuple[int, int]:
    if not isinstance(priority, int) or priority not in Priority.values:
        raise TargetError("Priority must be 1 (top), 2 (high) or 3.")
    if not isinstance(weekly_goal, int) or not 1 <= weekly_goal <= MAX_WEEKLY_GOAL:
        raise TargetError(f"The weekly goal must be a whole number from 1 to {MAX_WEEKLY_GOAL:,}.")
    return priority, weekly_goal


def add_target(
    actor: Any,
    seat: Constituency,
    *,
    priority: int = Priority.HIGH,
    weekly_goal: int = DEFAULT_WEEKLY_GOAL,
    notes: str = "",
) -> Target:
    """Make a seat a target; a seat that was a target before is switched back on with these values."""
    _require_national(actor)
    priority, weekly_goal = _checked(priority, weekly_goal)
    with transaction.atomic():
        target = Target.objects.select_for_update().filter(constituency=seat).first()
        if target is not None and target.active:
            raise TargetError(f"{seat.name} is already a target.")
        if target is None:
            target = Target(constituency=seat, created_by=actor)
        target.priority, target.weekly_goal, target.active = priority, weekly_goal, True
        target.notes = notes.strip() or target.notes
        target.save()
        transaction.on_commit(targets_changed)
    return target


def update_target(
    actor: Any, target: Target, *, priority: int, weekly_goal: int, active: bool, notes: str
) -> Target:
    _require_national(actor)
    priority, weekly_goal = _checked(priority, weekly_goal)
    with transaction.atomic():
        target.priority, target.weekly_goal = priority, weekly_goal
        target.active, target.notes = bool(active), notes.strip()
        target.save(update_fields=["priority", "weekly_goal", "active", "notes", "modified_at"])
        transaction.on_commit(targets_changed)
    return target


def adopt_seats(
    actor: Any, seats: Iterable[Constituency], weekly_goal: int = DEFAULT_WEEKLY_GOAL
) -> list[Target]:
    """Make each seat (not yet a target) a target, its priority set by its margin; all or nothing."""
    _require_national(actor)
    chosen = list(seats)
    if not chosen:
        raise TargetError("Tick at least one seat to adopt.")
    _checked(Priority.HIGH, weekly_goal)
    with transaction.atomic():
        taken = set(
            Target.objects.filter(constituency__in=chosen).values_list(
                "constituency__name", flat=True
            )
        )
        if taken:
            raise TargetError(f"Already targets: {', '.join(sorted(taken))}. Nothing was adopted.")
        targets = Target.objects.bulk_create(
            Target(
                constituency=seat,
                priority=priority_for_margin(seat.majority_pct),
                weekly_goal=weekly_goal,
                created_by=actor,
            )
            for seat in chosen
        )
        transaction.on_commit(targets_changed)
    return targets
