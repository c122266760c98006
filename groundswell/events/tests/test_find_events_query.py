"""find_events: what each viewer may find, near a place or anywhere, in a window, a page at a time."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from groundswell.core.testing import add_member
from groundswell.events.actions import rsvp_to_shift
from groundswell.events.models import Event
from groundswell.events.queries.finding import (
    EventSearch,
    FoundEvents,
    find_events,
    group_public_events,
)
from groundswell.geo.queries import locate
from groundswell.groups.models import Membership

from .find_helpers import member_user, placed_event, soon, supporter_user
from .helpers import national_organiser, new_group, new_person, online_event, only_shift

pytestmark = pytest.mark.django_db


def _search(postal_code: str | None = "E8 1DY", days: int = 30, **fields: Any) -> EventSearch:
    now = timezone.now()
    if postal_code is not None:
        here = locate(postal_code)
        fields |= {"lat": here.lat, "lng": here.lng}
    return EventSearch(start=now, end=now + timedelta(days=days), **fields)


def _titles(found: FoundEvents) -> list[str]:
    return [f.event.title for f in found.placed]


def test_anyone_finds_public_events_near_them_with_distance_and_places_left() -> None:
    event = placed_event("E8 1DY", capacity=3)
    rsvp_to_shift(new_person(), only_shift(event))
    placed_event("M1 1AA", title="Manchester canvass")
    [found] = find_events(AnonymousUser(), _search("N16 0AA")).placed
    assert found.event == event and found.shift == only_shift(event)
    assert found.distance_km is not None and 0 < found.distance_km < 10
    assert found.places_left == 2


def test_members_only_and_group_events_are_found_only_by_those_allowed() -> None:
    group, other = new_group(), new_group()
    placed_event(title="Public")
    placed_event(title="Members", visibility="members")
    placed_event(title="Our group", visibility="group", host_group=group)
    placed_event(title="Their group", visibility="group", host_group=other)
    member = member_user()
    add_member(group, member.person)  # type: ignore[arg-type]
    assert _titles(find_events(AnonymousUser(), _search())) == ["Public"]
    assert _titles(find_events(supporter_user(), _search())) == ["Public"]
    assert sorted(_titles(find_events(member, _search()))) == ["Members", "Our group", "Public"]


def test_proposals_rejections_and_cancelled_events_are_never_found_even_by_their_proposer() -> None:
    group = new_group()
    proposer = member_user()
    add_member(group, proposer.person)  # type: ignore[arg-type]
    placed_event(title="My proposal", actor=proposer, host_group=group)
    placed_event(title="Called off", status="cancelled")
    rejected = placed_event(title="Rejected")
    Event.objects.filter(pk=rejected.pk).update(approval="rejected")
    assert _titles(find_events(proposer, _search())) == []
    assert _titles(find_events(national_organiser(), _search())) == []


def test_online_only_events_are_listed_apart_and_follow_the_kind_filter() -> None:
    placed_event(title="Canvass")
    online_event(title="Phone bank on Zoom", kind="phone_bank", capacity=5)
    found = find_events(AnonymousUser(), _search())
    assert _titles(found) == ["Canvass"]
    assert [(f.event.title, f.distance_km, f.places_left) for f in found.online] == [
        ("Phone bank on Zoom", None, 5)
    ]
    only_canvass = find_events(AnonymousUser(), _search(kinds=("canvass",)))
    assert _titles(only_canvass) == ["Canvass"] and only_canvass.online == []
    only_phone = find_events(AnonymousUser(), _search(kinds=("phone_bank",)))
    assert _titles(only_phone) == [] and len(only_phone.online) == 1


def test_each_event_appears_once_at_its_first_shift_in_the_window_soonest_first() -> None:
    late = placed_event(title="Later", start=soon(days=5))
    early = placed_event(title="Sooner", start=soon(days=3))
    before_window = soon(days=1)
    late.shifts.create(start=before_window, end=before_window + timedelta(hours=1), capacity=2)
    after = soon(days=9)
    early.shifts.create(start=after, end=after + timedelta(hours=1), capacity=2)
    now = timezone.now()
    search = EventSearch(start=now + timedelta(days=2), end=now + timedelta(days=30))
    found = find_events(AnonymousUser(), search).placed
    assert [(f.event.title, f.shift.start) for f in found] == [
        ("Sooner", soon(days=3)),
        ("Later", soon(days=5)),
    ]


def test_the_window_leaves_out_events_after_it_and_shifts_already_under_way() -> None:
    placed_event(title="Next week", start=soon(days=7))
    placed_event(title="In two months", start=soon(days=60))
    placed_event(title="Began an hour ago", start=timezone.now() - timedelta(hours=1))
    assert _titles(find_events(AnonymousUser(), _search(days=30))) == ["Next week"]
    past_start = EventSearch(start=timezone.now() - timedelta(days=3), end=soon(days=8))
    assert _titles(find_events(AnonymousUser(), past_start)) == ["Next week"]


def test_without_a_position_it_finds_events_everywhere_without_distances() -> None:
    placed_event("E8 1DY", title="Hackney")
    placed_event("M1 1AA", title="Manchester", start=soon(days=3))
    found = find_events(AnonymousUser(), _search(None)).placed
    assert [(f.event.title, f.distance_km) for f in found] == [
        ("Hackney", None),
        ("Manchester", None),
    ]


def test_the_distance_limits_what_is_near() -> None:
    placed_event("E8 1DY", title="Hackney")
    placed_event("SE1 7PB", title="Waterloo")  # about 6 km from Hackney
    assert _titles(find_events(AnonymousUser(), _search("E8 1DY", km=5))) == ["Hackney"]
    assert len(find_events(AnonymousUser(), _search("E8 1DY", km=10)).placed) == 2


def test_it_pages_through_events_and_says_when_there_are_more() -> None:
    for n in range(5):
        placed_event(title=f"Canvass {n}", start=soon(days=2 + n))
    first = find_events(AnonymousUser(), _search(), page=1, per_page=2)
    third = find_events(AnonymousUser(), _search(), page=3, per_page=2)
    assert _titles(first) == ["Canvass 0", "Canvass 1"] and first.has_next
    assert _titles(third) == ["Canvass 4"] and not third.has_next


def test_a_full_shift_has_no_places_left() -> None:
    event = placed_event(capacity=1)
    rsvp_to_shift(new_person(), only_shift(event))
    rsvp_to_shift(new_person(), only_shift(event))  # waitlisted
    [found] = find_events(AnonymousUser(), _search()).placed
    assert found.places_left == 0


def test_a_page_of_many_events_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    group = new_group()
    member = member_user()
    add_member(group, member.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    for n in range(12):
        placed_event(title=f"Canvass {n}", start=soon(days=2, hour=8 + n), host_group=group)
        online_event(title=f"Call {n}", start=soon(days=3, hour=8 + n))
    search = _search()
    # visibility (2 for a signed-in member), events at a place, online events, places taken
    with django_assert_max_num_queries(5):
        found = find_events(member, search)
        assert len(found.placed) == 12 and len(found.online) == 5
        assert {f.event.host_group.name for f in found.placed} == {group.name}  # type: ignore[union-attr]


def test_a_groups_public_events_for_its_embed_page() -> None:
    group = new_group()
    placed_event(title="Public canvass", host_group=group)
    placed_event(title="Members meeting", host_group=group, visibility="members")
    placed_event(title="Another group's", host_group=new_group())
    placed_event(title="Too far ahead", host_group=group, start=soon(days=120))
    assert [f.event.title for f in group_public_events(group)] == ["Public canvass"]
