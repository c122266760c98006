"""Creating events: organisers' go live at once, members' proposals wait for an organiser."""

from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from groundswell.core.access import acting_person_id, sees_everyone
from groundswell.events import notify
from groundswell.events.models import Approval, Event, EventKind, EventStatus, Shift, Visibility
from groundswell.geo.queries import Location, LocationError, locate
from groundswell.groups.models import Group
from groundswell.groups.queries import can_manage, membership_of
from groundswell.people.actions import add_history
from groundswell.people.models import Person

ShiftSpec = tuple[datetime, datetime, int]  # (start, end, capacity), timezone-aware


class EventError(ValueError):
    """An event request that cannot be carried out, with a message fit to show the person who made it."""


def create_event(
    actor: Any,
    *,
    title: str,
    kind: str,
    shifts: Sequence[ShiftSpec],
    host_group: Group | None = None,
    visibility: str = Visibility.PUBLIC,
    postal_code: str = "",
    online_url: str = "",
    **details: Any,
) -> Event:
    """A new event with its shifts. Organisers' events are approved at once; a member's proposal
    waits for an organiser. Other fields (description, venue, address_lines, locality, instructions,
    contact_name, contact_email, name, status) are passed through by name after checking."""
    approval, proposer = _approval_for(actor, host_group)
    fields = _checked_fields(title, kind, visibility, host_group, details)
    place = _place(postal_code, online_url)
    checked_shifts = [_checked_shift(*spec) for spec in shifts]
    if not checked_shifts:
        raise EventError("An event needs at least one shift, with a start, an end and a capacity.")
    with transaction.atomic():
        event = Event.objects.create(
            **fields,
            host_group=host_group,
            visibility=visibility,
            online_url=online_url.strip(),
            approval=approval,
            proposed_by=proposer,
            **_place_fields(place),
        )
        Shift.objects.bulk_create(
            Shift(event=event, start=s, end=e, capacity=c) for s, e, c in checked_shifts
        )
        if proposer is not None:
            add_history(
                proposer,
                "event_proposed",
                f"Proposed the event {event.title}",
                actor,
                event_id=event.pk,
            )
            notify.proposal_awaiting(event)
        else:
            notify.shifts_scheduled(list(event.shifts.all()))
    return event


def _approval_for(actor: Any, host_group: Group | None) -> tuple[str, Person | None]:
    if sees_everyone(actor) or (host_group is not None and can_manage(actor, host_group)):
        return Approval.APPROVED, None
    person_id = acting_person_id(actor)
    if person_id is None:
        raise PermissionDenied("Sign in to propose an event.")
    if host_group is None:
        raise PermissionDenied(
            "Only national organisers can create an event with no hosting group: choose one of your groups."
        )
    if host_group is not None and membership_of(actor, host_group) is None:
        raise PermissionDenied("Only members of a group can propose events for it.")
    return Approval.AWAITING, Person.objects.get(pk=person_id)


_PASSED_THROUGH = {
    "name", "description", "venue", "address_lines", "locality", "instructions",
    "contact_name", "contact_email", "status",
}  # fmt: skip


def _checked_fields(
    title: str, kind: str, visibility: str, host_group: Group | None, details: dict[str, Any]
) -> dict[str, Any]:
    unknown = set(details) - _PASSED_THROUGH
    if unknown:
        raise TypeError(f"create_event() got unexpected fields: {', '.join(sorted(unknown))}")
    if not title.strip():
        raise EventError("An event needs a title.")
    if kind not in EventKind.values:
        raise EventError(f"“{kind}” is not a kind of event.")
    if visibility not in Visibility.values:
        raise EventError(f"“{visibility}” is not a visibility setting.")
    if visibility == Visibility.GROUP and host_group is None:
        raise EventError("Only an event hosted by a group can be shown to that group alone.")
    if details.get("status", EventStatus.CONFIRMED) not in EventStatus.values:
        raise EventError("An event is confirmed, tentative or cancelled.")
    _check_email(details.get("contact_email", ""))
    _check_lengths(details)
    address = details.get("address_lines", [])
    if isinstance(address, str):
        details["address_lines"] = [line.strip() for line in address.splitlines() if line.strip()]
    return {"title": title.strip()[:200], "kind": kind, **details}


def _check_lengths(details: dict[str, Any]) -> None:
    for name, value in details.items():
        field = Event._meta.get_field(name)
        limit = getattr(field, "max_length", None)
        if limit and isinstance(value, str) and len(value) > limit:
            label = getattr(field, "verbose_name", name)
            raise EventError(f"The {label} is too long (at most {limit} characters).")


def _check_email(address: str) -> None:
    if not address:
        return
    try:
        validate_email(address)
    except ValidationError:
        raise EventError(f"“{address}” is not an email address.") from None


def _place(postal_code: str, online_url: str) -> Location | None:
    if online_url.strip():
        try:
            URLValidator(schemes=["https", "http"])(online_url.strip())
        except ValidationError:
            raise EventError("The online link must be a web address (https://…).") from None
    if not postal_code.strip():
        if not online_url.strip():
            raise EventError("An event needs a place (a postcode) or an online link.")
        return None
    try:
        return locate(postal_code)
    except LocationError as error:
        raise EventError(str(error)) from None


def _place_fields(place: Location | None) -> dict[str, Any]:
    if place is None:
        return {}
    return {
        "postal_code": place.postal_code,
        "lat": place.lat,
        "lng": place.lng,
        "constituency_id": place.constituency_id,
    }


def _checked_shift(start: datetime, end: datetime, capacity: int) -> ShiftSpec:
    if start.tzinfo is None or end.tzinfo is None:
        raise EventError("Shift times need a time zone (for example Europe/London).")
    # Compared in UTC: Python compares two times in one zone by wall clock, which is wrong in the
    # repeated hour when the clocks go back.
    if end.astimezone(UTC) <= start.astimezone(UTC):
        raise EventError("A shift must end after it starts.")
    if not isinstance(capacity, int) or isinstance(capacity, bool) or capacity < 1:
        raise EventError("A shift needs room for at least one person.")
    return start, end, capacity
