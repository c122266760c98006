"""Finding events near a place: only public, approved, live events with a shift still to come."""

from datetime import datetime, timedelta
from typing import Any

import pytest
from django.utils import timezone

from groundswell.events.actions import create_event
from groundswell.events.models import Event
from groundswell.events.queries import upcoming_events_near
from groundswell.geo.queries import locate

from .helpers import national_organiser

pytestmark = pytest.mark.django_db

SOON = timezone.now() + timedelta(days=2)


def _event(postal_code: str, start: datetime = SOON, **fields: Any) -> Event:
    fields.setdefault("title", f"Canvass near {postal_code}")
    fields.setdefault("kind", "canvass")
    return create_event(
        national_organiser(),
        postal_code=postal_code,
        shifts=[(start, start + timedelta(hours=2), 8)],
        **fields,
    )


def _titles_near(postal_code: str, km: float = 10, **filters: Any) -> list[str]:
    here = locate(postal_code)
    return [n.event.title for n in upcoming_events_near(here.lat, here.lng, km, **filters)]


def test_it_lists_nearby_events_with_their_next_shift_and_distance() -> None:
    event = _event("E8 1DY")
    later = SOON + timedelta(days=7)
    event.shifts.create(start=later, end=later + timedelta(hours=1), capacity=3)
    here = locate("N16 0AA")
    [found] = upcoming_events_near(here.lat, here.lng, 10)
    assert found.event == event
    assert found.next_shift.start == SOON
    assert 0 < found.distance_km < 10


def test_it_leaves_out_far_private_unapproved_and_cancelled_events() -> None:
    _event("E8 1DY", title="Hackney canvass")
    _event("M1 1AA", title="Manchester canvass")
    _event("E8 2AA", title="Members only", visibility="members")
    _event("E8 3AA", title="Called off", status="cancelled")
    Event.objects.filter(pk=_event("E8 4AA", title="Proposal").pk).update(approval="awaiting")
    assert _titles_near("E8 1DY") == ["Hackney canvass"]


def test_it_filters_by_kind_and_by_when_the_shift_starts() -> None:
    _event("E8 1DY", title="Canvass this week")
    _event("E8 1DY", title="Social next month", kind="social", start=SOON + timedelta(days=30))
    _event("E8 1DY", title="Canvass that began", start=timezone.now() - timedelta(hours=1))
    assert _titles_near("E8 1DY", kinds=["social"]) == ["Social next month"]
    assert _titles_near("E8 1DY", end=SOON + timedelta(days=1)) == ["Canvass this week"]
    assert _titles_near("E8 1DY") == ["Canvass this week", "Social next month"]


def test_it_finds_many_events_in_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(15):
        _event("E8 1DY", title=f"Canvass {n}", start=SOON + timedelta(hours=n))
    here = locate("E8 1DY")
    with django_assert_max_num_queries(1):
        found = upcoming_events_near(here.lat, here.lng, 5)
        assert [n.next_shift.start for n in found] == sorted(n.next_shift.start for n in found)
        assert {n.event.host_group for n in found} == {None}


def test_a_place_with_no_position_is_near_nothing() -> None:
    _event("E8 1DY")
    assert upcoming_events_near(None, None, 50) == []
