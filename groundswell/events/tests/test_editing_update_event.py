"""Organisers editing an event: only managers may; a new time or place is told to everyone signed
up; capacity never drops below the people going; a bigger shift takes people off the waitlist."""

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.actions import (
    EventError,
    cancel_event,
    rsvp_to_shift,
    update_event,
)
from groundswell.events.models import Attendance, Event, Shift

from .helpers import national_organiser, new_group, new_person, only_shift
from .pages_helpers import SUMMER_9_UTC, NotifyCalls, organiser_of, placed_event, told, user_in

pytestmark = pytest.mark.django_db
__all__ = ["told"]


def shift_edit(shift: Shift, **change: Any) -> tuple[int, datetime, datetime, int]:
    values = {"start": shift.start, "end": shift.end, "capacity": shift.capacity, **change}
    return (shift.pk, values["start"], values["end"], values["capacity"])


def test_changing_only_the_title_tells_nobody(told: NotifyCalls) -> None:
    event = placed_event()
    told.calls.clear()
    assert update_event(national_organiser(), event, title="Canvass Dalston") == []
    event.refresh_from_db()
    assert event.title == "Canvass Dalston"
    assert told.of("event_changed") == [] and told.of("shifts_scheduled") == []


def test_a_new_shift_time_is_told_and_its_reminders_are_scheduled(told: NotifyCalls) -> None:
    event = placed_event(start=SUMMER_9_UTC)
    shift = only_shift(event)
    rsvp_to_shift(new_person(), shift)
    told.calls.clear()
    later = SUMMER_9_UTC + timedelta(hours=1)
    sentences = update_event(
        national_organiser(),
        event,
        shifts=[shift_edit(shift, start=later, end=later + timedelta(hours=2))],
    )
    assert sentences == [
        "The shift on Sat 6 Jul 2030, 10:00–12:00 now runs Sat 6 Jul 2030, 11:00–13:00."
    ]
    assert told.of("event_changed") == [(event, sentences)]
    assert [list(args[0]) for args in told.of("shifts_scheduled")] == [[shift]]
    shift.refresh_from_db()
    assert shift.start == later


def test_a_new_postcode_moves_the_event_and_is_told(told: NotifyCalls) -> None:
    event = placed_event()
    old_lat = event.lat
    update_event(national_organiser(), event, postal_code="m1 1ae", venue="Central Library")
    event.refresh_from_db()
    assert event.postal_code == "M1 1AE"
    assert event.lat is not None and old_lat is not None and event.lat > old_lat + 1  # Manchester
    ((sent_event, sentences),) = told.of("event_changed")
    assert sentences == ["The place is now: Central Library, 1 Reading Lane, M1 1AE."]


def test_the_same_postcode_typed_differently_is_no_change(told: NotifyCalls) -> None:
    event = placed_event()
    update_event(national_organiser(), event, postal_code="e81dy")
    assert told.of("event_changed") == []


def test_capacity_below_the_people_going_is_refused_and_nothing_changes() -> None:
    event = placed_event(capacity=3)
    shift = only_shift(event)
    rsvp_to_shift(new_person(), shift)
    rsvp_to_shift(new_person(), shift)
    with pytest.raises(EventError, match="2 people have a place .* cannot go below 2"):
        update_event(
            national_organiser(), event, title="Renamed", shifts=[shift_edit(shift, capacity=1)]
        )
    shift.refresh_from_db()
    event.refresh_from_db()
    assert (shift.capacity, event.title) == (3, "Canvass Hackney Central")


def test_more_places_take_people_off_the_waitlist_in_order(told: NotifyCalls) -> None:
    event = placed_event(capacity=1)
    shift = only_shift(event)
    rsvp_to_shift(new_person(), shift)
    first, second, third = (rsvp_to_shift(new_person(), shift) for _ in range(3))
    update_event(national_organiser(), event, shifts=[shift_edit(shift, capacity=3)])
    statuses = [Attendance.objects.get(pk=a.pk).status for a in (first, second, third)]
    assert statuses == ["accepted", "accepted", "waitlisted"]
    assert [args[0] for args in told.of("promoted")] == [first, second]


def test_a_shift_can_be_added(told: NotifyCalls) -> None:
    event = placed_event()
    told.calls.clear()
    start = timezone.now() + timedelta(days=5)
    update_event(national_organiser(), event, shifts=[(None, start, start + timedelta(hours=3), 6)])
    assert event.shifts.count() == 2
    ((scheduled,),) = told.of("shifts_scheduled")
    assert [s.capacity for s in scheduled] == [6]
    assert told.of("event_changed") == []


def test_a_shift_of_another_event_is_refused() -> None:
    event, other = placed_event(), placed_event()
    with pytest.raises(EventError, match="not part of this event"):
        update_event(
            national_organiser(), event, shifts=[shift_edit(only_shift(other), capacity=9)]
        )
    assert only_shift(other).capacity == 2


def test_someone_who_does_not_manage_the_event_cannot_edit_it() -> None:
    group = new_group()
    event = placed_event(organiser_of(group), host_group=group)
    for outsider in (user_in(group), organiser_of(new_group()), make_user()):
        with pytest.raises(PermissionDenied):
            update_event(outsider, event, title="Hijacked")
    event.refresh_from_db()
    assert event.title == "Canvass Hackney Central"


def test_a_cancelled_event_cannot_be_edited() -> None:
    event = placed_event()
    cancel_event(national_organiser(), event)
    with pytest.raises(EventError, match="cancelled"):
        update_event(national_organiser(), event, title="Back on")


# --- Through the page -----------------------------------------------------------------------


def edit_form(event: Event, **fields: str) -> dict[str, str]:
    shifts = list(event.shifts.all())
    data = {
        "title": event.title, "kind": event.kind, "visibility": event.visibility,
        "venue": event.venue, "address": "\n".join(event.address_lines), "postcode": event.postal_code,
        "shifts-TOTAL_FORMS": str(len(shifts) + 2), "shifts-INITIAL_FORMS": str(len(shifts)),
        "shifts-MIN_NUM_FORMS": "0", "shifts-MAX_NUM_FORMS": "50",
    }  # fmt: skip
    for i, shift in enumerate(shifts):
        start, end = timezone.localtime(shift.start), timezone.localtime(shift.end)
        data |= {f"shifts-{i}-id": str(shift.pk), f"shifts-{i}-day": f"{start:%Y-%m-%d}",
                 f"shifts-{i}-start": f"{start:%H:%M}", f"shifts-{i}-end": f"{end:%H:%M}",
                 f"shifts-{i}-capacity": str(shift.capacity)}  # fmt: skip
    return data | fields


def test_the_edit_page_moves_a_shift_and_tells_the_organiser_who_is_told(told: NotifyCalls) -> None:
    group = new_group()
    organiser = organiser_of(group)
    event = placed_event(organiser, host_group=group, start=SUMMER_9_UTC)
    client = signed_in_client(organiser)
    url = reverse("events:edit", args=[event.pk])
    page = client.get(url).content.decode()
    assert 'value="10:00"' in page and 'value="2030-07-06"' in page  # local time in the form
    response = client.post(
        url, edit_form(event, **{"shifts-0-start": "11:00", "shifts-0-end": "13:00"}), follow=True
    )
    messages = [str(m) for m in response.context["messages"]]
    assert (
        "Everyone signed up is being told: The shift on Sat 6 Jul 2030, 10:00–12:00 now runs"
        in messages[0]
    )
    assert only_shift(event).start == datetime(2030, 7, 6, 10, 0, tzinfo=UTC)


def test_the_edit_page_shows_the_capacity_refusal_and_saves_nothing() -> None:
    event = placed_event(capacity=3)
    rsvp_to_shift(new_person(), only_shift(event))
    rsvp_to_shift(new_person(), only_shift(event))
    client = signed_in_client(national_organiser())
    url = reverse("events:edit", args=[event.pk])
    response = client.post(url, edit_form(event, title="Renamed", **{"shifts-0-capacity": "1"}))
    assert response.status_code == 200
    assert "2 people have a place" in response.content.decode()
    response = client.post(url, edit_form(event, **{"shifts-0-capacity": "0"}))
    assert "greater than or equal to 1" in response.content.decode()
    event.refresh_from_db()
    assert (event.title, only_shift(event).capacity) == ("Canvass Hackney Central", 3)


def test_the_edit_page_is_refused_to_non_managers() -> None:
    group = new_group()
    event = placed_event(host_group=group)
    url = reverse("events:edit", args=[event.pk])
    assert signed_in_client(user_in(group)).get(url).status_code == 403
    assert (
        signed_in_client(user_in(group)).post(url, edit_form(event, title="Hijacked")).status_code
        == 403
    )
    assert Client().get(url).status_code == 302  # to sign in
    hidden = placed_event(host_group=group, visibility="group")
    assert (
        signed_in_client(make_user()).get(reverse("events:edit", args=[hidden.pk])).status_code
        == 404
    )
    event.refresh_from_db()
    assert event.title == "Canvass Hackney Central"
