"""Reads for the event pages: the event with its shifts and the viewer's own places, the shift to
sign up to, a place by its cancel link, the approvals list, and a person's own events."""

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.events.models import (
    Approval,
    Attendance,
    AttendanceStatus,
    Event,
    EventStatus,
    Shift,
)
from groundswell.events.qr import checkin_qr_svg
from groundswell.events.queries.visibility import can_manage_event, get_visible_event
from groundswell.events.tokens import make_token, read_token
from groundswell.groups.models import Group

ACCEPTED = AttendanceStatus.ACCEPTED
WAITLISTED = AttendanceStatus.WAITLISTED
SIGNED_UP = (ACCEPTED, WAITLISTED)


@dataclass
class ShiftLine:
    """One shift as the event page shows it, with the viewer's own place on it (if any)."""

    shift: Shift
    going: int
    waiting: int
    mine: Attendance | None = None
    position: int | None = None  # on the waitlist, counting from 1

    @property
    def places_left(self) -> int:
        return max(0, self.shift.capacity - self.going)

    @property
    def started(self) -> bool:
        return self.shift.start <= timezone.now()

    @property
    def finished(self) -> bool:
        return self.shift.end <= timezone.now()

    @property
    def cancel_token(self) -> str:
        return make_token("cancel", self.mine.pk) if self.mine else ""

    @cached_property
    def qr_svg(self) -> str:
        if self.mine is None or self.mine.status != ACCEPTED:
            return ""
        return checkin_qr_svg(self.mine)


@dataclass
class EventPage:
    event: Event
    shifts: list[ShiftLine]
    manager: bool
    person_id: int | None
    lines_with_me: list[ShiftLine] = field(init=False)

    def __post_init__(self) -> None:
        self.lines_with_me = [line for line in self.shifts if line.mine is not None]

    @property
    def has_place(self) -> bool:
        return any(line.mine.status == ACCEPTED for line in self.lines_with_me if line.mine)

    @property
    def sees_instructions(self) -> bool:
        return self.manager or bool(self.lines_with_me)

    @property
    def sees_online_link(self) -> bool:
        return self.manager or self.has_place

    @property
    def open_for_sign_up(self) -> bool:
        event = self.event
        return event.approval == Approval.APPROVED and event.status != EventStatus.CANCELLED


def event_page(user: Any, pk: int) -> EventPage:
    """The event (404 where this user may not see it), its shifts with their counts, and the
    viewer's own places. A fixed number of queries however many shifts and sign-ups."""
    event = get_visible_event(user, pk)
    shifts = list(
        Shift.objects.filter(event=event).annotate(
            going=Count("attendances", filter=Q(attendances__status=ACCEPTED)),
            waiting=Count("attendances", filter=Q(attendances__status=WAITLISTED)),
        )
    )
    person_id = acting_person_id(user)
    mine = _my_places(person_id, event)
    lines = [
        ShiftLine(s, s.going, s.waiting, mine.get(s.pk))  # type: ignore[attr-defined]
        for s in shifts
    ]
    _attach_positions([line for line in lines if line.mine and line.mine.status == WAITLISTED])
    return EventPage(event, lines, can_manage_event(user, event), person_id)


def _my_places(person_id: int | None, event: Event) -> dict[int, Attendance]:
    if person_id is None:
        return {}
    places = Attendance.objects.filter(
        person_id=person_id, shift__event=event, status__in=SIGNED_UP
    )
    return {place.shift_id: place for place in places}


def _attach_positions(waiting: list[ShiftLine]) -> None:
    """Each waitlist position in one query, however many shifts the viewer waits on."""
    if not waiting:
        return
    queues: dict[int, list[int]] = {}
    rows = Attendance.objects.filter(
        shift_id__in=[line.shift.pk for line in waiting], status=WAITLISTED
    ).order_by("shift_id", "queued_at", "pk")
    for shift_id, pk in rows.values_list("shift_id", "pk"):
        queues.setdefault(shift_id, []).append(pk)
    for line in waiting:
        assert line.mine is not None
        line.position = queues[line.shift.pk].index(line.mine.pk) + 1


def waitlist_position(attendance: Attendance) -> int:
    """1 for the next person to be offered a place."""
    ahead = Attendance.objects.filter(shift_id=attendance.shift_id, status=WAITLISTED).filter(
        Q(queued_at__lt=attendance.queued_at)
        | Q(queued_at=attendance.queued_at, pk__lt=attendance.pk)
    )
    return ahead.count() + 1


def get_shift_for_rsvp(user: Any, pk: int, shift_id: int) -> Shift:
    """A shift of an event this user may see, or 404."""
    event = get_visible_event(user, pk)
    shift = Shift.objects.filter(event=event, pk=shift_id).first()
    if shift is None:
        raise Http404("No such shift.")
    shift.event = event
    return shift


def place_for_cancel_link(token: str) -> Attendance:
    """The place a cancel link was made for, or 404 for a forged, mangled or other-purpose token.
    The link is the proof: it comes only in the email sent to the person who signed up."""
    attendance_id = read_token("cancel", token)
    place = (
        Attendance.objects.select_related("shift__event").filter(pk=attendance_id).first()
        if attendance_id is not None
        else None
    )
    if place is None:
        raise Http404("This cancel link is not valid.")
    return place


def awaiting_decision(user: Any) -> QuerySet[Event]:
    """Proposals this user may approve or turn down: every one for national roles, else those
    hosted by groups they organise. Oldest first, with the proposer and the first shift."""
    events = Event.objects.filter(approval=Approval.AWAITING).exclude(status=EventStatus.CANCELLED)
    if not sees_everyone(user):
        events = events.filter(host_group_id__in=organised_group_ids(user))
    return (
        events.select_related("host_group", "proposed_by")
        .annotate(first_start=Min("shifts__start"))
        .order_by("created_at", "pk")
    )


def hostable_groups(user: Any) -> QuerySet[Group]:
    """Groups this user may create events for (organisers) or propose them to (members); every
    active group for national roles."""
    groups = Group.objects.filter(is_active=True).order_by("name", "pk")
    if sees_everyone(user):
        return groups
    person_id = acting_person_id(user)
    if person_id is None:
        return groups.none()
    return groups.filter(memberships__person_id=person_id)


def my_places(user: Any, limit: int = 200) -> list[Attendance]:
    """The signed-in person's places and waitlist entries on shifts not yet over, soonest first,
    each with its `cancel_token`."""
    person_id = acting_person_id(user)
    if person_id is None:
        return []
    places = list(
        Attendance.objects.filter(
            person_id=person_id, status__in=SIGNED_UP, shift__end__gte=timezone.now()
        )
        .select_related("shift__event")
        .order_by("shift__start", "pk")[:limit]
    )
    for place in places:
        place.cancel_token = make_token("cancel", place.pk)  # type: ignore[attr-defined]
    return places


def managed_events(user: Any, limit: int = 100) -> list[Event]:
    """Upcoming events this user runs: those of the groups they organise, and for national roles
    the events with no hosting group. Each with `next_start`, soonest first."""
    hosts = Q(host_group_id__in=organised_group_ids(user))
    if sees_everyone(user):
        hosts |= Q(host_group__isnull=True)
    upcoming = Shift.objects.filter(event=OuterRef("pk"), end__gte=timezone.now())
    events = (
        Event.objects.filter(hosts, approval=Approval.APPROVED)
        .filter(Exists(upcoming))
        .annotate(next_start=Min("shifts__start", filter=Q(shifts__end__gte=timezone.now())))
        .select_related("host_group")
        .order_by("next_start", "pk")
    )
    return list(events[:limit])


def my_proposals(user: Any, limit: int = 20) -> list[Event]:
    """Events the signed-in person proposed that are still awaiting a decision or were turned
    down (approved ones are ordinary events by then)."""
    person_id = acting_person_id(user)
    if person_id is None:
        return []
    events = Event.objects.filter(
        proposed_by_id=person_id, approval__in=[Approval.AWAITING, Approval.REJECTED]
    ).select_related("host_group")
    return list(events.order_by("-created_at")[:limit])


def why_place_cannot_be_cancelled(place: Attendance) -> str:
    """Why this place cannot be given up, fit to show; "" when it can."""
    if place.status == AttendanceStatus.CANCELLED:
        return "This place was already cancelled."
    if place.shift.end <= timezone.now():
        return "This shift is over, so there is nothing to cancel."
    return ""


def signed_up_count(event: Event) -> int:
    """People with a place or on the waitlist, on any shift of the event."""
    return Attendance.objects.filter(shift__event=event, status__in=SIGNED_UP).count()
