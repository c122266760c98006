"""Planning the demo's events in memory: each local group's schedule over two weeks past and six ahead,
canvassing in the most marginal seats, members' proposals awaiting approval, and national online calls."""

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random
from zoneinfo import ZoneInfo

from groundswell.core.demo.contacts import inward_code, street_address
from groundswell.core.demo.event_catalogue import (
    AGM_SHARE,
    MEMBERS_ONLY_SHARE,
    PER_GROUP,
    PICKET_SHARE,
    STYLES,
    TOPICS,
    KindStyle,
)
from groundswell.core.demo.places import jitter, km_between
from groundswell.core.demo.signups import SignUp, sign_ups

LONDON = ZoneInfo("Europe/London")  # the demo movement's clock (settings.TIME_ZONE)
DAYS_BACK, DAYS_AHEAD = 14, 42
_HOLIDAYS = {(12, 24), (12, 25), (12, 26), (12, 31), (1, 1)}  # nobody canvasses on Christmas Day


@dataclass(frozen=True)
class Spot:
    """A postcode district an event can be placed in."""

    code: str
    lat: float
    lng: float
    seat_id: int | None
    seat_name: str


@dataclass
class HostGroup:
    id: int
    area: str  # e.g. "Hackney South and Shoreditch"
    slug: str
    spots: list[Spot]
    members: list[int]  # person ids, organisers included
    organisers: list[int]
    contact_name: str
    lat: float | None = None
    lng: float | None = None


@dataclass
class ShiftPlan:
    start: datetime
    end: datetime
    capacity: int
    signups: list[SignUp] = field(default_factory=list)


@dataclass
class EventPlan:
    host: HostGroup
    title: str
    kind: str
    description: str
    instructions: str
    created_at: datetime
    shifts: list[ShiftPlan]
    visibility: str = "public"
    approval: str = "approved"
    proposed_by: int | None = None
    venue: str = ""
    address_lines: list[str] = field(default_factory=list)
    locality: str = ""
    postal_code: str = ""
    lat: float | None = None
    lng: float | None = None
    seat_id: int | None = None
    online_url: str = ""


def plan_group_events(rng: Random, group: HostGroup, now: datetime) -> list[EventPlan]:
    """A local group's eight weeks: canvassing, phone banks, meetings and the rest, with sign-ups."""
    events = []
    for kind, (least, most) in PER_GROUP.items():
        if (kind == "agm" and rng.random() > AGM_SHARE) or (
            kind == "picket" and rng.random() > PICKET_SHARE
        ):
            continue
        for _ in range(rng.randint(least, most)):
            event = _event(rng, kind, group, _day(rng, STYLES[kind], now), now)
            if kind == "agm":
                event.visibility = "group"
            elif kind in ("meeting", "education") and rng.random() < MEMBERS_ONLY_SHARE * 3:
                event.visibility = "members"
            events.append(_signed_up(rng, event, group.members, now))
    _oversubscribe(rng, events, group.members, now)
    return events


def _oversubscribe(rng: Random, events: list[EventPlan], pool: list[int], now: datetime) -> None:
    """One upcoming event in a small room, with more wanting to come than it holds: a waitlist."""
    upcoming = [e for e in events if e.kind in ("education", "social", "meeting") and e.lat]
    upcoming = [e for e in upcoming if e.shifts[0].start > now]
    if len(pool) < 3 or not upcoming:
        return
    event = rng.choice(upcoming)
    shift = event.shifts[0]
    shift.capacity = max(2, min(shift.capacity, len(pool) * 2 // 3))
    shift.signups = sign_ups(
        rng, pool, shift.capacity, event.created_at, shift.start, shift.end, now, fill=2.0
    )


def plan_marginal_canvasses(
    rng: Random, seats: list[list[Spot]], groups: list[HostGroup], now: datetime
) -> list[EventPlan]:
    """Canvassing in each marginal seat, run by the nearest local group."""
    events = []
    placed = [g for g in groups if g.lat is not None and g.lng is not None]
    for spots in seats:
        spot = rng.choice(spots)
        host = min(placed, key=lambda g: km_between(g.lat, g.lng, spot.lat, spot.lng))  # type: ignore[arg-type]
        for _ in range(rng.randint(1, 2)):
            event = _event(rng, "canvass", host, _day(rng, STYLES["canvass"], now), now, spot)
            event.title = rng.choice(
                ("Marginal seat canvass: {seat}", "Target seat weekend: {seat}")
            ).format(seat=spot.seat_name)
            for shift in event.shifts:
                shift.capacity = rng.choice((25, 30, 40))
            events.append(_signed_up(rng, event, host.members, now))
    return events


def plan_proposals(rng: Random, groups: list[HostGroup], now: datetime) -> list[EventPlan]:
    """One member's proposal per group, awaiting an organiser's approval (nobody can sign up yet)."""
    proposals = []
    for group in groups:
        plain = [p for p in group.members if p not in group.organisers] or group.members
        if not plain:
            continue
        kind = rng.choice(("social", "canvass", "education")) if group.spots else "online"
        day = _today(now) + timedelta(days=rng.randint(8, 30))
        event = _event(rng, kind, group, day, now)
        event.approval, event.proposed_by = "awaiting", rng.choice(plain)
        event.created_at = now - timedelta(hours=rng.randint(2, 96))
        proposals.append(event)
    return proposals


def plan_national_calls(
    rng: Random, host: HostGroup, pool: list[int], now: datetime
) -> list[EventPlan]:
    """Online calls and a text bank hosted nationally, open to anyone anywhere."""
    calls = []
    for kind, title in (
        ("online", "National members' call: {topic}"),
        ("education", "Online training: {topic}"),
        ("online", "Text bank training for the marginals"),
    ):
        event = _event(rng, kind, host, _day(rng, STYLES["online"], now), now, online=True)
        event.title = title.format(topic=rng.choice(TOPICS))
        calls.append(_signed_up(rng, event, pool, now))
    return calls


def _event(
    rng: Random,
    kind: str,
    group: HostGroup,
    day: date,
    now: datetime,
    spot: Spot | None = None,
    online: bool = False,
) -> EventPlan:
    style = STYLES[kind]
    last_day = _today(now) + timedelta(days=DAYS_AHEAD)
    shifts = [s for s in _shifts(rng, kind, style, day) if s.start.date() <= last_day]
    event = EventPlan(
        host=group,
        title=rng.choice(style.titles).format(area=group.area, topic=rng.choice(TOPICS)),
        kind=kind,
        description=style.description,
        instructions=f"{style.instructions} Contact on the day: {group.contact_name}.",
        created_at=min(
            shifts[0].start - timedelta(days=rng.randint(7, 28)), now - timedelta(hours=1)
        ),
        shifts=shifts,
    )
    venue = rng.choice(style.venues)
    if online or not venue or not (spot or group.spots):
        event.online_url = f"https://meet.example.org/{group.slug[:40]}-{rng.randrange(10**6):06}"
        return event
    _place(rng, event, venue, spot or rng.choice(group.spots))
    return event


def _place(rng: Random, event: EventPlan, venue: str, spot: Spot) -> None:
    event.venue, event.address_lines = venue, [street_address(rng)]
    event.locality, event.seat_id = spot.seat_name, spot.seat_id
    event.postal_code = f"{spot.code} {inward_code(rng)}"
    event.lat, event.lng = jitter(rng, spot.lat, spot.lng, sigma_km=0.5)


def _shifts(rng: Random, kind: str, style: KindStyle, day: date) -> list[ShiftPlan]:
    """Canvassing: a morning and often an afternoon, sometimes the next day too; others one session,
    a phone bank sometimes again the week after."""
    capacity = rng.choice(style.capacities)
    if kind == "canvass" and day.weekday() < 5:
        slots = [(day, (18, 0, 120))]  # a weekday evening canvass
    elif kind == "canvass":
        slots = [(day, t) for t in style.times[: rng.randint(1, len(style.times))]]
        if day.weekday() == 5 and rng.random() < 0.3:
            slots.append((day + timedelta(days=1), style.times[0]))
    elif kind == "phone_bank" and rng.random() < 0.4:
        slots = [(day, style.times[0]), (day + timedelta(days=7), style.times[0])]
    else:
        slots = [(day, rng.choice(style.times))]
    return [_shift(on, hour, minute, minutes, capacity) for on, (hour, minute, minutes) in slots]


def _shift(day: date, hour: int, minute: int, minutes: int, capacity: int) -> ShiftPlan:
    start = datetime.combine(day, time(hour, minute), tzinfo=LONDON)
    return ShiftPlan(start, start + timedelta(minutes=minutes), capacity)


def _today(now: datetime) -> date:
    return now.astimezone(LONDON).date()


def _day(rng: Random, style: KindStyle, now: datetime) -> date:
    """A day in the demo's window on one of the kind's usual weekdays."""
    today = _today(now)
    day = today + timedelta(days=rng.randint(-DAYS_BACK, DAYS_AHEAD - 7))
    day += timedelta(days=(rng.choice(style.weekdays) - day.weekday()) % 7)
    if (day.month, day.day) in _HOLIDAYS:
        day += timedelta(
            days=7 if day - timedelta(days=7) < today - timedelta(days=DAYS_BACK) else -7
        )
    return day


def _signed_up(rng: Random, event: EventPlan, pool: list[int], now: datetime) -> EventPlan:
    for shift in event.shifts:
        shift.signups = sign_ups(
            rng, pool, shift.capacity, event.created_at, shift.start, shift.end, now
        )
    return event
