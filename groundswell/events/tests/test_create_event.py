"""Creating events: organisers' go live, members' wait for approval, bad input writes nothing."""

from datetime import timedelta
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from groundswell.core.testing import add_member, make_user
from groundswell.events.actions import (
    EventError,
    RsvpRefused,
    approve_event,
    create_event,
    rsvp_to_shift,
)
from groundswell.events.models import Event, Shift
from groundswell.groups.models import Membership

from .helpers import national_organiser, new_group, new_person, only_shift

pytestmark = pytest.mark.django_db


def _tomorrow(hours: int = 2, capacity: int = 10) -> list[tuple[Any, Any, int]]:
    start = timezone.now() + timedelta(days=1)
    return [(start, start + timedelta(hours=hours), capacity)]


def test_a_national_organiser_creates_an_event_placed_by_its_postcode() -> None:
    event = create_event(
        national_organiser(),
        title="Canvass Hackney Central",
        kind="canvass",
        postal_code="e8 1dy",
        venue="Hackney Library",
        address_lines="1 Reading Lane\nHackney",
        shifts=_tomorrow(),
    )
    assert event.approval == "approved"
    assert event.postal_code == "E8 1DY"
    assert event.lat is not None and 51.4 < event.lat < 51.7
    assert event.address_lines == ["1 Reading Lane", "Hackney"]
    assert only_shift(event).capacity == 10


def test_a_group_organiser_s_event_is_approved_at_once() -> None:
    group = new_group()
    organiser = make_user()
    assert organiser.person is not None
    add_member(group, organiser.person, Membership.Role.ORGANISER)
    event = create_event(
        organiser,
        title="Branch meeting",
        kind="meeting",
        host_group=group,
        visibility="group",
        online_url="https://meet.example.org/branch",
        shifts=_tomorrow(),
    )
    assert event.approval == "approved"
    assert event.proposed_by is None


def test_a_member_s_proposal_waits_for_an_organiser_before_sign_ups_open() -> None:
    group = new_group()
    member = make_user()
    assert member.person is not None
    add_member(group, member.person)
    event = create_event(
        member,
        title="Reading group",
        kind="education",
        host_group=group,
        online_url="https://meet.example.org/reading",
        shifts=_tomorrow(),
    )
    assert event.approval == "awaiting"
    assert event.proposed_by == member.person
    with pytest.raises(RsvpRefused, match="not open for sign-ups"):
        rsvp_to_shift(new_person(), only_shift(event))
    with pytest.raises(PermissionDenied):
        approve_event(member, event)
    approve_event(national_organiser(), event)
    assert rsvp_to_shift(new_person(), only_shift(event)).status == "accepted"
    assert member.person.history.filter(kind="event_approved").exists()


def test_it_refuses_a_proposal_from_someone_outside_the_group() -> None:
    with pytest.raises(PermissionDenied):
        create_event(
            make_user(),
            title="Not my group",
            kind="social",
            host_group=new_group(),
            online_url="https://meet.example.org/x",
            shifts=_tomorrow(),
        )
    assert not Event.objects.exists()


BAD_INPUT = [
    ({"title": "  "}, "needs a title"),
    ({"kind": "rave"}, "not a kind of event"),
    ({"visibility": "group"}, "hosted by a group"),
    ({"online_url": ""}, "a place \\(a postcode\\) or an online link"),
    ({"online_url": "not a link"}, "must be a web address"),
    ({"online_url": "", "postal_code": "QQ99 9QQ"}, "postcode"),
    ({"contact_email": "nobody@"}, "not an email address"),
    ({"venue": "x" * 201}, "too long"),
    ({"shifts": []}, "at least one shift"),
    ({"shifts": _tomorrow(hours=0)}, "end after it starts"),
    ({"shifts": _tomorrow(hours=-1)}, "end after it starts"),
    ({"shifts": _tomorrow(capacity=0)}, "at least one person"),
    ({"shifts": [*_tomorrow(), *_tomorrow(capacity=0)]}, "at least one person"),
]


@pytest.mark.parametrize(("change", "message"), BAD_INPUT)
def test_bad_input_is_refused_with_a_clear_message_and_writes_nothing(
    change: dict[str, Any], message: str
) -> None:
    actor = national_organiser()
    fields: dict[str, Any] = {
        "title": "Phone bank",
        "kind": "phone_bank",
        "online_url": "https://meet.example.org/pb",
        "shifts": _tomorrow(),
        **change,
    }
    with pytest.raises(EventError, match=message):
        create_event(actor, **fields)
    assert not Event.objects.exists()
    assert not Shift.objects.exists()


def test_it_refuses_shift_times_without_a_time_zone() -> None:
    naive = timezone.now().replace(tzinfo=None) + timedelta(days=1)
    with pytest.raises(EventError, match="time zone"):
        create_event(
            national_organiser(),
            title="Phone bank",
            kind="phone_bank",
            online_url="https://meet.example.org/pb",
            shifts=[(naive, naive + timedelta(hours=1), 5)],
        )
    assert not Event.objects.exists()
