"""My events: my places and waitlist entries with their cancel links, the events I propose, and
for organisers the events they run and the proposals waiting for them."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.actions import create_event, rsvp_to_shift
from groundswell.events.tokens import make_token

from .helpers import new_group, new_person, only_shift
from .pages_helpers import organiser_of, placed_event, user_in

pytestmark = pytest.mark.django_db
URL = reverse("events:mine")


def test_my_places_and_waitlist_entries_with_their_cancel_links_and_nobody_else_s() -> None:
    user = make_user()
    assert user.person is not None
    going = rsvp_to_shift(user.person, only_shift(placed_event(title="Canvass Dalston")))
    full = placed_event(title="Phone bank Ilford", capacity=1)
    rsvp_to_shift(new_person(), only_shift(full))
    waiting = rsvp_to_shift(user.person, only_shift(full))
    someone_else = rsvp_to_shift(
        new_person(), only_shift(placed_event(title="Stall in Walthamstow"))
    )
    html = signed_in_client(user).get(URL).content.decode()
    assert "Canvass Dalston" in html and "Phone bank Ilford" in html
    assert "On the waitlist" in html
    for place in (going, waiting):
        assert reverse("events:cancel_place", args=[make_token("cancel", place.pk)]) in html
    assert "Stall in Walthamstow" not in html
    assert make_token("cancel", someone_else.pk) not in html


def test_an_organiser_sees_the_events_they_run_and_the_proposals_waiting() -> None:
    group = new_group()
    organiser = organiser_of(group)
    run = placed_event(organiser, host_group=group, title="Branch meeting")
    begins = timezone.now() + timedelta(days=2)
    create_event(user_in(group), title="Film night", kind="social", host_group=group,
                 online_url="https://meet.example.org/f", shifts=[(begins, begins + timedelta(hours=2), 9)])  # fmt: skip
    placed_event(host_group=new_group(), title="Somebody else's canvass")
    html = signed_in_client(organiser).get(URL).content.decode()
    assert "Branch meeting" in html and reverse("events:checkin", args=[run.pk]) in html
    assert "1 proposal</strong> waiting for your approval" in html
    assert "Somebody else" not in html


def test_a_member_sees_their_own_proposals_but_no_organiser_tools() -> None:
    group = new_group()
    member = user_in(group)
    begins = timezone.now() + timedelta(days=2)
    create_event(member, title="Film night", kind="social", host_group=group,
                 online_url="https://meet.example.org/f", shifts=[(begins, begins + timedelta(hours=2), 9)])  # fmt: skip
    html = signed_in_client(member).get(URL).content.decode()
    assert "Film night" in html and "Awaiting approval" in html
    assert "Events I run" not in html


def test_a_visitor_is_sent_to_sign_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and reverse("accounts:sign_in") in response["Location"]
