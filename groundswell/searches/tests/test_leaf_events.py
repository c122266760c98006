"""`events`: signed up (an accepted place, not waitlisted or cancelled) or attended (checked in), on a
shift starting in a period of local dates, optionally of one event or one kind of event."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from groundswell.searches.definition import DefinitionError
from groundswell.searches.queries import matching
from groundswell.searches.tests.fixtures import Movement, attend, event_with_shift, names

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")


def at(day: int, hour: int = 18, month: int = 6) -> datetime:
    return datetime(2025, month, day, hour, tzinfo=LONDON)


def test_signed_up_counts_accepted_places_but_not_waitlisted_or_cancelled(
    movement: Movement,
) -> None:
    shift = event_with_shift(at(10))
    attend(movement.ada, shift, "accepted")
    attend(movement.bea, shift, "waitlisted")
    attend(movement.cal, shift, "cancelled")
    found = matching(movement.national, {"filter": "events", "status": "signed_up"})
    assert names(found) == {"Ada"}


def test_attended_counts_only_people_checked_in(movement: Movement) -> None:
    shift = event_with_shift(at(10))
    attend(movement.ada, shift, checked_in=True)
    attend(movement.bea, shift)
    found = matching(movement.national, {"filter": "events", "status": "attended"})
    assert names(found) == {"Ada"}


def test_the_period_is_local_dates_with_both_ends_included(movement: Movement) -> None:
    # 00:30 on 1 June in London is still 31 May in UTC: it belongs to June.
    attend(movement.ada, event_with_shift(at(1, hour=0)))
    attend(movement.bea, event_with_shift(at(30, hour=23)))
    attend(movement.cal, event_with_shift(at(1, hour=9, month=7)))
    june = {
        "filter": "events",
        "status": "signed_up",
        "after": "2025-06-01",
        "before": "2025-06-30",
    }
    assert names(matching(movement.national, june)) == {"Ada", "Bea"}
    from_july = {"filter": "events", "status": "signed_up", "after": "2025-07-01"}
    assert names(matching(movement.national, from_july)) == {"Cal"}


def test_one_event_or_one_kind_narrows_the_shifts(movement: Movement) -> None:
    canvass = event_with_shift(at(10), kind="canvass")
    agm = event_with_shift(at(11), kind="agm")
    attend(movement.ada, canvass)
    attend(movement.bea, agm)
    attend(movement.cal, canvass)
    attend(movement.cal, agm)
    by_event = {"filter": "events", "status": "signed_up", "event": agm.event_id}
    assert names(matching(movement.national, by_event)) == {"Bea", "Cal"}
    by_kind = {"filter": "events", "status": "signed_up", "kind": "canvass"}
    assert names(matching(movement.national, by_kind)) == {"Ada", "Cal"}
    not_agm = {"all": [by_kind, {"not": by_event}]}
    assert names(matching(movement.national, not_agm)) == {"Ada"}


def test_an_unknown_kind_of_event_is_refused(movement: Movement) -> None:
    with pytest.raises(DefinitionError, match="no kind of event called 'rave'"):
        matching(movement.national, {"filter": "events", "status": "signed_up", "kind": "rave"})


def test_an_organiser_cannot_name_another_groups_private_event(movement: Movement) -> None:
    private = event_with_shift(at(10), visibility="group", host_group=movement.group_b)
    leaf = {"filter": "events", "status": "signed_up", "event": private.event_id}
    with pytest.raises(DefinitionError, match="does not exist or is not one you may use"):
        matching(movement.organiser_a, leaf)


def test_any_event_counts_only_events_the_organiser_may_see(movement: Movement) -> None:
    # Cal is in both groups; group B's members-only-to-B meeting must not show in A's search.
    private = event_with_shift(
        at(10), kind="meeting", visibility="group", host_group=movement.group_b
    )
    public = event_with_shift(at(12), kind="meeting")
    attend(movement.cal, private)
    attend(movement.ada, public)
    leaf = {"filter": "events", "status": "signed_up", "kind": "meeting"}
    assert names(matching(movement.organiser_a, leaf)) == {"Ada"}
    assert names(matching(movement.national, leaf)) == {"Ada", "Cal"}
