"""The active targets and their seats' points, held in each server process's memory, and the targets' sign-ups
this week, counted once a minute (memo.py), so the public finder needs no query for them.

A version token in the shared cache is replaced whenever targets change (the actions call `targets_changed`
on commit); a process rebuilds its copy when the token differs, and at least every MAX_AGE_SECONDS in case a
change bypassed the actions (a shell).
"""

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from django.core.cache import cache

from groundswell.targets.counting import signups_this_week
from groundswell.targets.memo import remembered, shared
from groundswell.targets.models import SeatPoint, Target
from groundswell.targets.seat_distance import SeatPoints

VERSION_KEY = "targets:version"
MAX_AGE_SECONDS = 60.0
SIGNUPS_SECONDS = 60


@dataclass(frozen=True)
class TargetSeat:
    target_id: int
    seat_id: int
    name: str
    region: str
    priority: int
    weekly_goal: int
    majority_pct: float | None
    winner_party: str
    runner_up_party: str
    lat: float | None  # the seat's centre (a point inside it), for maps
    lng: float | None


@dataclass(frozen=True)
class Snapshot:
    version: str
    seats: list[TargetSeat]
    points: SeatPoints  # seat i of `seats` owns the points of block i
    index: dict[int, int]  # seat id -> position in `seats`


def targets_changed() -> None:
    """Tell every process to forget what it holds (they compare the version on every search)."""
    cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)


def current_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY) or ""
    return str(version)


def active_targets() -> Snapshot:
    """The snapshot for the current version (built here if this process has not got it)."""
    version = current_version()
    return remembered("snapshot", version, MAX_AGE_SECONDS, lambda: build_snapshot(version))


def build_snapshot(version: str = "") -> Snapshot:
    """Two small queries: the active targets with their seats, and those seats' points."""
    targets = Target.objects.filter(active=True).select_related("constituency")
    seats = [_seat(target) for target in targets.order_by("constituency_id")]
    points: dict[int, list[tuple[float, float]]] = defaultdict(list)
    rows = SeatPoint.objects.filter(constituency_id__in=[s.seat_id for s in seats]).order_by()
    for seat_id, lat, lng in rows.values_list("constituency_id", "lat", "lng"):
        points[seat_id].append((lat, lng))
    # A seat's centre is inside it too, and keeps a seat with no points findable.
    for seat in seats:
        if seat.lat is not None and seat.lng is not None:
            points[seat.seat_id].append((seat.lat, seat.lng))
    seats = [seat for seat in seats if points[seat.seat_id]]
    return Snapshot(
        version=version,
        seats=seats,
        points=SeatPoints.from_lists([points[seat.seat_id] for seat in seats]),
        index={seat.seat_id: i for i, seat in enumerate(seats)},
    )


def _seat(target: Target) -> TargetSeat:
    seat = target.constituency
    return TargetSeat(
        target_id=target.pk,
        seat_id=seat.pk,
        name=seat.name,
        region=seat.region,
        priority=target.priority,
        weekly_goal=target.weekly_goal,
        majority_pct=seat.majority_pct,
        winner_party=seat.winner_party,
        runner_up_party=seat.runner_up_party,
        lat=seat.centroid_lat,
        lng=seat.centroid_lng,
    )


def signups_by_seat(snapshot: Snapshot, now: datetime) -> dict[int, int]:
    """Sign-ups this week of every active target's seat, counted once a minute for all processes: the finder
    ranks on them, and a count a minute old ranks as well as a fresh one."""
    seat_ids = [seat.seat_id for seat in snapshot.seats]
    key = f"targets:signups:{snapshot.version}"
    found = shared(
        {"signups": key},
        snapshot.version,
        SIGNUPS_SECONDS,
        lambda missing: {"signups": signups_this_week(seat_ids, now)},
    )
    return found["signups"]
