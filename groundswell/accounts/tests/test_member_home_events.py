"""The member home's "What's next": the member's own places, and events near their postcode that
they may see and have not signed up to."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from groundswell.core.testing import PersonFactory, make_user, signed_in_client
from groundswell.events.actions import rsvp_to_shift
from groundswell.events.tests.pages_helpers import placed_event
from groundswell.geo.queries import locate
from groundswell.people.models import Person

pytestmark = pytest.mark.django_db


def hackney_member() -> tuple[Person, str]:
    where = locate("E8 3AA")
    person: Person = PersonFactory.create(
        postal_code=where.postal_code, lat=where.lat, lng=where.lng
    )
    return person, "/"


def test_the_home_lists_my_places_and_events_near_me_once_each() -> None:
    person, home = hackney_member()
    going = placed_event(title="Canvass I am going to")
    near = placed_event(title="Canvass near me", start=timezone.now() + timedelta(days=3))
    members_only = placed_event(title="Members' strategy night", visibility="members")
    far = placed_event(title="Leeds stall")
    far.lat, far.lng = 53.8, -1.55
    far.save()
    rsvp_to_shift(person, going.shifts.get())

    html = signed_in_client(make_user(person=person)).get(home).content.decode()

    mine, _, nearby = html.partition("Near you")
    assert escape(going.title) in mine and escape(going.title) not in nearby
    assert escape(near.title) in nearby
    assert escape(members_only.title) in nearby  # a member may see members-only events
    assert far.title not in html


def test_a_supporter_is_not_shown_members_only_events() -> None:
    person, home = hackney_member()
    Person.objects.filter(pk=person.pk).update(membership_status="supporter")
    placed_event(title="Members' strategy night", visibility="members")
    placed_event(title="Open canvass")

    html = signed_in_client(make_user(person=person)).get(home).content.decode()

    assert "Open canvass" in html
    assert escape("Members' strategy night") not in html
