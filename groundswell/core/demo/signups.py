"""Planning who signed up to a demo shift: places taken in order, a waitlist when it filled, and for a
shift that is over, who was checked in and who walked in on the day. Never more places than capacity."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

ACCEPTED, WAITLISTED, CANCELLED = "accepted", "waitlisted", "cancelled"
# (share of capacity wanted, weight): most shifts part full, a few oversubscribed with a waitlist
_FILL = ((0.15, 2.0), (0.35, 3.0), (0.6, 3.0), (0.85, 2.0), (1.0, 1.0), (1.3, 1.3))
_CAME = 0.78  # of those with a place at a shift that is over


@dataclass(frozen=True)
class SignUp:
    person_id: int
    status: str
    queued_at: datetime
    attended: bool = False
    checked_in_at: datetime | None = None
    walk_in: bool = False


def sign_ups(
    rng: Random,
    pool: list[int],
    capacity: int,
    opened_at: datetime,
    start: datetime,
    end: datetime,
    now: datetime,
    fill: float | None = None,
) -> list[SignUp]:
    """Sign-ups from `pool` (person ids) between `opened_at` and the start (or now), earliest first;
    `fill` (wanted places over capacity) is drawn at random unless given."""
    fill = fill or rng.choices([f for f, _ in _FILL], [w for _, w in _FILL])[0]
    people = rng.sample(pool, min(len(pool), round(capacity * fill)))
    last = min(start, now)
    span = max((last - opened_at).total_seconds(), 60.0)
    times = sorted(opened_at + timedelta(seconds=rng.uniform(0, span)) for _ in people)
    signed = []
    for n, (person_id, at) in enumerate(zip(people, times, strict=True)):
        status = ACCEPTED if n < capacity else WAITLISTED
        if len(people) < capacity and rng.random() < 0.05:
            status = CANCELLED  # nobody waits, so nobody needed promoting
        signed.append(SignUp(person_id, status, at))
    if end < now:
        signed = _checked_in(rng, signed, start) + _walk_ins(rng, pool, signed, capacity, start)
    return signed


def _checked_in(rng: Random, signed: list[SignUp], start: datetime) -> list[SignUp]:
    came = []
    for s in signed:
        if s.status == ACCEPTED and rng.random() < _CAME:
            at = start + timedelta(minutes=rng.uniform(-10, 30))
            s = SignUp(s.person_id, s.status, s.queued_at, True, at)
        came.append(s)
    return came


def _walk_ins(
    rng: Random, pool: list[int], signed: list[SignUp], capacity: int, start: datetime
) -> list[SignUp]:
    """A couple of people who turned up without signing up, where there was room for them."""
    spare = capacity - sum(s.status == ACCEPTED for s in signed)
    taken = {s.person_id for s in signed}
    others = [p for p in pool if p not in taken]
    walk_ins = []
    for person_id in rng.sample(others, min(spare, rng.randint(0, 2), len(others))):
        at = start + timedelta(minutes=rng.uniform(0, 40))
        walk_ins.append(SignUp(person_id, ACCEPTED, at, True, at, walk_in=True))
    return walk_ins
