"""The nearest-target finder: the target seats nearest a volunteer, or where they are most needed, with the
next canvassing sessions in each.

No query when warm: the targets and their seats' points come from this process's memory, as do their sign-ups
this week and each seat's next public sessions with their places left, counted again every minute for all
processes (memo.py).
"""

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

import numpy as np
from django.utils import timezone

from groundswell.events.models import Approval, EventStatus
from groundswell.events.queries import visible_events
from groundswell.targets import memo, ranking
from groundswell.targets.counting import Session, upcoming_sessions
from groundswell.targets.models import Priority
from groundswell.targets.placing import Place
from groundswell.targets.seat_distance import nearest_km
from groundswell.targets.snapshot import TargetSeat, active_targets, signups_by_seat
from groundswell.targets.wording import distance_text, margin_text

NEAREST, MOST_NEEDED = "nearest", "needed"
# "Most needed" ranks the 30 nearest targets: beyond them distance outweighs any need.
NEEDED_CANDIDATES = 30
SESSIONS_PER_SEAT = 3
SESSIONS_SECONDS = 60  # how long a seat's public sessions (and their places left) are cached
# A visitor's results for one place, order and length, kept by each process: built from counts and sessions
# that are themselves up to a minute old, so keeping them 20 s more adds little staleness, and visitors from
# one postcode sector (placed at the sector's centre) share them.
FOUND = memo.Recent(size=20_000, max_age=20)


@dataclass(frozen=True)
class FoundTarget:
    seat: TargetSeat
    distance_km: float
    signups: int
    sessions: list[Session]

    @property
    def in_seat(self) -> bool:
        return self.distance_km == 0

    @property
    def distance(self) -> str:
        return distance_text(self.distance_km)

    @property
    def percent(self) -> int:
        """Sign-ups as a percentage of the goal, at most 100 (for a progress bar)."""
        return min(100, round(100 * self.signups / self.seat.weekly_goal))

    @property
    def gap(self) -> int:
        return max(0, self.seat.weekly_goal - self.signups)

    @property
    def margin(self) -> str:
        return margin_text(
            self.seat.winner_party, self.seat.runner_up_party, self.seat.majority_pct
        )

    @property
    def priority_label(self) -> str:
        return str(Priority(self.seat.priority).label)


def events_for(user: Any) -> Any:
    """The events whose sessions this viewer may be shown; None for anyone (public events)."""
    if not user.is_authenticated:
        return None
    return (
        visible_events(user)
        .filter(approval=Approval.APPROVED)
        .exclude(status=EventStatus.CANCELLED)
    )


def find_targets(
    place: Place,
    events: Any = None,
    order: str = NEAREST,
    limit: int = 5,
    now: datetime | None = None,
) -> list[FoundTarget]:
    """The `limit` active targets nearest `place`, or most in need of a volunteer there."""
    now = now or timezone.now()
    snapshot = active_targets()
    if not snapshot.seats:
        return []
    if events is not None:  # a signed-in viewer: counted for them, now
        return _find(snapshot, place, events, order, limit, now)
    key = (place.lat, place.lng, place.seat_id, order, limit)
    found = FOUND.get(
        key, snapshot.version, lambda: _find(snapshot, place, None, order, limit, now)
    )
    if any(s.start < now for f in found for s in f.sessions):  # kept a while: drop what has begun
        found = [replace(f, sessions=[s for s in f.sessions if s.start >= now]) for f in found]
    return found


def _find(
    snapshot: Any, place: Place, events: Any, order: str, limit: int, now: datetime
) -> list[FoundTarget]:
    km = nearest_km(place.lat, place.lng, snapshot.points)
    if place.seat_id in snapshot.index:
        km[snapshot.index[place.seat_id]] = 0.0
    wanted = NEEDED_CANDIDATES if order == MOST_NEEDED else limit
    nearest = [int(i) for i in np.argsort(km, kind="stable")[:wanted]]
    signups = signups_by_seat(snapshot, now)
    candidates = [
        ranking.Candidate(
            key=i,
            distance_km=float(km[i]),
            priority=snapshot.seats[i].priority,
            weekly_goal=snapshot.seats[i].weekly_goal,
            signups=signups.get(snapshot.seats[i].seat_id, 0),
        )
        for i in nearest
    ]
    rank = ranking.rank_most_needed if order == MOST_NEEDED else ranking.rank_nearest
    chosen = rank(candidates)[:limit]
    shown = [snapshot.seats[c.key] for c in chosen]
    sessions = _sessions([seat.seat_id for seat in shown], now, events, snapshot.version)
    return [
        FoundTarget(seat, c.distance_km, c.signups, sessions.get(seat.seat_id, []))
        for seat, c in zip(shown, chosen, strict=True)
    ]


def _sessions(
    seat_ids: list[int], now: datetime, events: Any, version: str
) -> dict[int, list[Session]]:
    """The seats' next sessions: for a signed-in viewer counted now among the events they may see; for
    anyone else, public sessions counted once every SESSIONS_SECONDS for all processes."""
    if events is not None:
        return upcoming_sessions(seat_ids, now, SESSIONS_PER_SEAT, events)
    found = memo.shared(
        {seat_id: f"targets:sessions:{seat_id}" for seat_id in seat_ids},
        version,
        SESSIONS_SECONDS,
        lambda missing: (
            {s: [] for s in missing} | upcoming_sessions(missing, now, SESSIONS_PER_SEAT)
        ),
    )
    # A session counted a moment ago may have started since.
    return {seat_id: [s for s in found[seat_id] if s.start >= now] for seat_id in seat_ids}
