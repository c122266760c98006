"""Demo events: read the groups just written, plan their events (event_plan.py), write them in bulk with
their shifts, sign-ups and the history lines the real actions would have left."""

import random
from collections import defaultdict
from datetime import datetime
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.core.demo.event_plan import (
    EventPlan,
    HostGroup,
    Spot,
    plan_group_events,
    plan_marginal_canvasses,
    plan_national_calls,
    plan_proposals,
)
from groundswell.core.demo.logins_plan import DEMO_LOGINS
from groundswell.core.demo.timestamps import given_timestamps
from groundswell.core.demo.write_people import BATCH
from groundswell.events.models import Attendance, Event, Shift
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.groups.models import Group, GroupKind, Membership
from groundswell.people.models import HistoryEvent

MARGINAL_SEATS = (
    30  # of the demo target list (core/demo/targets.py: 40), so the coverage view has gaps
)
NATIONAL_POOL = 3000


def write_events(rng: random.Random) -> int:
    """Create the demo movement's events; returns how many. Called after groups and logins exist."""
    now = timezone.now()
    local = _host_groups(Group.objects.filter(kind=GroupKind.LOCAL, is_active=True))
    if not local:
        return 0
    plans = [event for group in local for event in plan_group_events(rng, group, now)]
    plans += plan_marginal_canvasses(rng, _marginal_seats(), local, now)
    plans += plan_proposals(rng, _groups_of_demo_organisers(), now)
    national = _host_groups(Group.objects.filter(kind=GroupKind.NATIONAL))
    if national:
        members = sorted({p for g in local for p in g.members})
        pool = rng.sample(members, min(len(members), NATIONAL_POOL))
        plans += plan_national_calls(rng, national[0], pool, now)
    _write(plans)
    return len(plans)


def _host_groups(groups: QuerySet[Group]) -> list[HostGroup]:
    rows = list(groups.order_by("pk").values_list("pk", "name", "slug", "lat", "lng"))
    ids = [pk for pk, *_ in rows]
    spots, members, organisers = _spots(ids), defaultdict(list), defaultdict(list)
    names: dict[int, str] = {}
    memberships = Membership.objects.filter(group_id__in=ids).order_by("group_id", "person_id")
    for group_id, person_id, role, given in memberships.values_list(
        "group_id", "person_id", "role", "person__given_name"
    ):
        members[group_id].append(person_id)
        if role == Membership.Role.ORGANISER:
            organisers[group_id].append(person_id)
            names.setdefault(group_id, given)
    return [
        HostGroup(
            pk,
            name.removesuffix(" Groundswell"),
            slug,
            spots[pk],
            members[pk],
            organisers[pk],
            names.get(pk, "the organisers"),
            lat,
            lng,
        )  # fmt: skip
        for pk, name, slug, lat, lng in rows
    ]


def _spots(group_ids: list[int]) -> dict[int, list[Spot]]:
    through = Group.districts.through.objects.filter(group_id__in=group_ids)
    found: dict[int, list[Spot]] = defaultdict(list)
    rows = through.order_by("group_id", "postcodedistrict__code").values_list(
        "group_id",
        "postcodedistrict__code",
        "postcodedistrict__lat",
        "postcodedistrict__lng",
        "postcodedistrict__constituency_id",
        "postcodedistrict__constituency__name",
    )
    for group_id, code, lat, lng, seat_id, seat_name in rows:
        found[group_id].append(Spot(code, lat, lng, seat_id, seat_name or ""))
    return found


def _marginal_seats() -> list[list[Spot]]:
    """The districts of the most marginal seats (smallest 2024 majority in %) that have districts."""
    seats = Constituency.objects.filter(majority_pct__isnull=False).order_by("majority_pct", "code")
    ids = list(seats.values_list("pk", flat=True)[: MARGINAL_SEATS * 2])
    districts = PostcodeDistrict.objects.filter(constituency_id__in=ids, n_postcodes__gt=0)
    by_seat: dict[int, list[Spot]] = defaultdict(list)
    for code, lat, lng, seat_id, seat_name in districts.order_by("code").values_list(
        "code", "lat", "lng", "constituency_id", "constituency__name"
    ):
        by_seat[seat_id].append(Spot(code, lat, lng, seat_id, seat_name))
    return [by_seat[pk] for pk in ids if by_seat[pk]][:MARGINAL_SEATS]


def _groups_of_demo_organisers() -> list[HostGroup]:
    """Two proposals for the first demo organiser's group, one for the second's."""
    chosen: list[HostGroup] = []
    for key, copies in (("organiser", 2), ("organiser2", 1)):
        email = next(e for k, e, *_ in DEMO_LOGINS if k == key)
        person_id = User.objects.filter(email=email).values_list("person_id", flat=True).first()
        if person_id is None:
            continue
        organised = Membership.objects.filter(person_id=person_id, role=Membership.Role.ORGANISER)
        groups = _host_groups(Group.objects.filter(pk__in=organised.values("group_id")))
        chosen += groups[:1] * copies
    return chosen


def _write(plans: list[EventPlan]) -> None:
    events = [_event(plan) for plan in plans]
    with given_timestamps((Event, "created_at"), (Event, "modified_at")):
        Event.objects.bulk_create(events, batch_size=BATCH)
    shifts = [
        (Shift(event_id=event.pk, start=s.start, end=s.end, capacity=s.capacity), s, event)
        for event, plan in zip(events, plans, strict=True)
        for s in plan.shifts
    ]
    Shift.objects.bulk_create([shift for shift, _, _ in shifts], batch_size=BATCH)
    attendances = [
        Attendance(
            shift_id=shift.pk,
            person_id=up.person_id,
            status=up.status,
            queued_at=up.queued_at,
            action_date=up.queued_at,
            attended=up.attended,
            checked_in_at=up.checked_in_at,
            walk_in=up.walk_in,
        )  # fmt: skip
        for shift, planned, _ in shifts
        for up in planned.signups
    ]
    Attendance.objects.bulk_create(attendances, batch_size=BATCH)
    history = _proposal_history(events, plans) + _attendance_history(shifts, attendances)
    HistoryEvent.objects.bulk_create(history, batch_size=BATCH)


def _event(plan: EventPlan) -> Event:
    return Event(
        title=plan.title, kind=plan.kind, description=plan.description,
        instructions=plan.instructions, visibility=plan.visibility, approval=plan.approval,
        host_group_id=plan.host.id, proposed_by_id=plan.proposed_by, venue=plan.venue,
        address_lines=plan.address_lines, locality=plan.locality, postal_code=plan.postal_code,
        lat=plan.lat, lng=plan.lng, constituency_id=plan.seat_id, online_url=plan.online_url,
        contact_name=plan.host.contact_name, contact_email=f"{plan.host.slug[:60]}@example.org",
        created_at=plan.created_at, modified_at=plan.created_at,
    )  # fmt: skip


_SUMMARIES = {
    "accepted": "Signed up for {event} on {start}",
    "waitlisted": "On the waitlist for {event} on {start}",
    "cancelled": "Cancelled their place at {event} on {start}",
}


def _proposal_history(events: list[Event], plans: list[EventPlan]) -> list[HistoryEvent]:
    return [
        HistoryEvent(
            person_id=plan.proposed_by,
            kind="event_proposed",
            at=plan.created_at,
            summary=f"Proposed the event {event.title}"[:300],
            data={"event_id": event.pk},
        )  # fmt: skip
        for event, plan in zip(events, plans, strict=True)
        if plan.proposed_by is not None
    ]


def _attendance_history(
    shifts: list[tuple[Shift, Any, Event]], attendances: list[Attendance]
) -> list[HistoryEvent]:
    """Worded as events.actions words signing up and coming (the walk-ins only came)."""
    by_shift = {shift.pk: (shift, event) for shift, _, event in shifts}
    history = []
    for a in attendances:
        shift, event = by_shift[a.shift_id]
        start = timezone.localtime(shift.start).strftime("%-d %b %Y %H:%M")
        ids = {"event_id": event.pk, "shift_id": shift.pk, "attendance_id": a.pk}
        if not a.walk_in:
            line = _SUMMARIES[a.status].format(event=event.title, start=start)
            history.append(_line(a, f"rsvp_{a.status}", line, a.queued_at, ids))
        if a.attended:
            line = f"Came to {event.title} on {start}" + (" (walked in)" if a.walk_in else "")
            history.append(_line(a, "attended", line, a.checked_in_at or shift.start, ids))
    return history


def _line(
    a: Attendance, kind: str, summary: str, at: datetime, data: dict[str, Any]
) -> HistoryEvent:
    return HistoryEvent(person_id=a.person_id, kind=kind, summary=summary[:300], at=at, data=data)
