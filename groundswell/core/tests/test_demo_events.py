"""The demo's events: a believable schedule around today, with sign-ups that respect every shift's
capacity, proposals for the demo organisers to approve, and canvassing in the most marginal seats."""

from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from io import StringIO
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.events.models import Attendance, Event, Shift
from groundswell.geo.models import Constituency
from groundswell.groups.models import Membership
from groundswell.people.models import HistoryEvent

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: Any) -> Iterator[None]:
    """One demo for the whole module (loading it is the slow part), inside a transaction rolled back
    afterwards; each test runs in a savepoint within it, as with TestCase.setUpTestData."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", "--people", "800", "--seed", "7", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def test_every_kind_of_event_is_on_the_schedule_with_shifts(demo: None) -> None:
    kinds = Counter(Event.objects.values_list("kind", flat=True))
    for kind in ("canvass", "phone_bank", "meeting", "social", "agm", "education", "online"):
        assert kinds[kind] > 0, kind
    assert Event.objects.count() > 500  # 150 local groups, several events each
    assert not Event.objects.annotate(n=Count("shifts")).filter(Q(n=0) | Q(n__gt=3)).exists()


def test_events_lie_between_two_weeks_ago_and_six_weeks_ahead_at_sensible_hours(
    demo: None,
) -> None:
    today = timezone.localdate()
    starts = [s.astimezone(LONDON) for s in Shift.objects.values_list("start", flat=True)]
    assert min(starts).date() >= today - timedelta(days=14)
    assert max(starts).date() <= today + timedelta(days=42)
    assert sum(s.date() < today for s in starts) > 50  # past ones for check-in and follow-up
    assert {s.hour for s in starts} <= set(range(7, 20))
    assert not Shift.objects.filter(end__lte=F("start")).exists()


def test_placed_events_have_a_position_postcode_and_constituency_and_the_rest_a_link(
    demo: None,
) -> None:
    for event in Event.objects.all():
        if event.online_url:
            assert event.lat is None and event.online_url.startswith("https://meet.example.org/")
        else:
            assert event.lat is not None and event.lng is not None
            assert event.constituency_id is not None and event.venue
            assert event.postal_code.split()[0].isalnum() and len(event.postal_code.split()) == 2


def test_no_shift_has_more_places_taken_than_its_capacity_and_some_have_a_waitlist(
    demo: None,
) -> None:
    shifts = Shift.objects.annotate(
        taken=Count("attendances", filter=Q(attendances__status="accepted")),
        waiting=Count("attendances", filter=Q(attendances__status="waitlisted")),
    )
    assert Attendance.objects.filter(status="accepted").count() > 1000
    assert not [s for s in shifts if s.taken > s.capacity]
    full = [s for s in shifts if s.waiting]
    assert full and all(s.taken == s.capacity for s in full)


def test_past_shifts_have_check_ins_and_future_ones_none(demo: None) -> None:
    now = timezone.now()
    came = Attendance.objects.filter(attended=True)
    assert came.filter(walk_in=False).exists()
    assert not Attendance.objects.filter(walk_in=True, attended=False).exists()
    assert not came.filter(shift__end__gt=now).exists()
    assert not came.filter(checked_in_at__isnull=True).exists()
    assert not Attendance.objects.filter(queued_at__gt=now).exclude(walk_in=True).exists()


def test_signups_come_from_the_host_groups_members(demo: None) -> None:
    local = Attendance.objects.filter(shift__event__host_group__kind="local")
    outsiders = local.exclude(person__memberships__group=F("shift__event__host_group"))
    assert local.exists() and not outsiders.exists()


def test_some_events_are_for_members_or_the_group_only(demo: None) -> None:
    visibility = Counter(Event.objects.values_list("visibility", flat=True))
    assert visibility["public"] > visibility["members"] > 0 and visibility["group"] > 0
    assert set(Event.objects.filter(kind="agm").values_list("visibility", flat=True)) == {"group"}


def test_the_demo_organisers_have_member_proposals_waiting_for_them(demo: None) -> None:
    waiting = Event.objects.filter(approval="awaiting")
    assert 2 <= waiting.count() <= 3
    organisers = User.objects.filter(email__in=["organiser@example.org", "organiser2@example.org"])
    organised = Membership.objects.filter(
        person__user__in=organisers, role="organiser"
    ).values_list("group_id", flat=True)
    for event in waiting:
        assert event.host_group_id in set(organised)
        assert event.proposed_by_id is not None
        assert not Attendance.objects.filter(shift__event=event).exists()
        assert HistoryEvent.objects.filter(
            person_id=event.proposed_by_id, kind="event_proposed", data__event_id=event.pk
        ).exists()


def test_canvassing_reaches_the_most_marginal_seats(demo: None) -> None:
    marginal = Constituency.objects.filter(majority_pct__isnull=False).order_by("majority_pct")
    ten = set(marginal.values_list("pk", flat=True)[:10])
    canvassed = set(
        Event.objects.filter(kind="canvass", constituency_id__in=ten).values_list(
            "constituency_id", flat=True
        )
    )
    assert len(canvassed) >= 5


def test_signing_up_and_coming_are_on_peoples_history(demo: None) -> None:
    kinds = Counter(HistoryEvent.objects.values_list("kind", flat=True))
    assert kinds["rsvp_accepted"] > 0 and kinds["rsvp_waitlisted"] > 0 and kinds["attended"] > 0


def test_flush_deletes_the_events_too(demo: None) -> None:
    left_over = Event.objects.create(title="Left over from before", kind="social")
    call_command("load_demo", "--people", "200", "--seed", "8", "--flush", stdout=StringIO())
    assert not Event.objects.filter(title=left_over.title).exists()
    assert Event.objects.exists()  # and the new demo has its own
