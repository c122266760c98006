"""The event page: what each viewer sees (times in London, the place, instructions and the online
link only for the right people), what managers get, and who gets a 404."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.actions import cancel_event, create_event, rsvp_to_shift
from groundswell.events.models import Event

from .helpers import national_organiser, new_group, new_person, online_event, only_shift
from .pages_helpers import SUMMER_9_UTC, organiser_of, placed_event, user_in

pytestmark = pytest.mark.django_db


def page(client: Client, event: Event) -> str:
    response = client.get(reverse("events:detail", args=[event.pk]))
    assert response.status_code == 200
    return response.content.decode()


def text(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def test_anyone_sees_a_public_event_with_its_times_in_london_and_its_place() -> None:
    event = placed_event(
        start=SUMMER_9_UTC, contact_name="Sam Organiser", contact_email="sam@example.org"
    )
    html = page(Client(), event)
    assert "Canvass Hackney Central" in html
    assert "Canvassing session" in html
    assert "Sat 6 Jul 2030, 10:00–12:00" in text(html)  # 09:00 UTC is 10:00 BST
    assert "Hackney Library" in html and "1 Reading Lane" in html and "E8 1DY" in html
    assert "sam@example.org" in html
    assert "2 places left" in html


def test_a_winter_shift_is_shown_in_greenwich_time() -> None:
    start = datetime(2030, 1, 12, 9, 0, tzinfo=UTC)
    html = page(Client(), placed_event(start=start))
    assert "Sat 12 Jan 2030, 09:00–11:00" in text(html)


def test_instructions_and_the_online_link_are_hidden_from_people_not_signed_up() -> None:
    event = online_event(instructions="Dial in five minutes early.", capacity=1)
    shift = only_shift(event)
    stranger = make_user()
    for client in (Client(), signed_in_client(stranger)):
        html = page(client, event)
        assert "Dial in five minutes early." not in html
        assert "meet.example.org" not in html
        assert "The link is shown to people with a place." in html

    going, waiting = make_user(), make_user()
    assert going.person and waiting.person
    rsvp_to_shift(going.person, shift)
    rsvp_to_shift(waiting.person, shift)
    html = page(signed_in_client(going), event)
    assert "Dial in five minutes early." in html and "https://meet.example.org/hackney" in html
    html = page(signed_in_client(waiting), event)
    assert "Dial in five minutes early." in html
    assert "meet.example.org" not in html  # the link is for people with a place
    assert "number 1 in the queue" in html


def test_someone_with_a_place_gets_the_qr_code_a_calendar_link_and_a_cancel_button() -> None:
    event = placed_event()
    shift = only_shift(event)
    user = make_user()
    assert user.person is not None
    rsvp_to_shift(user.person, shift)
    html = page(signed_in_client(user), event)
    assert "You're going" in html
    assert "<svg" in html
    assert reverse("events:shift_ics", args=[event.pk, shift.pk]) in html
    assert "Cancel my place" in html
    # Others see no QR code and no cancel button for that place.
    other = page(signed_in_client(make_user()), event)
    assert "<svg" not in other and "Cancel my place" not in other


def test_a_full_shift_offers_the_waitlist() -> None:
    event = placed_event(capacity=1)
    rsvp_to_shift(new_person(), only_shift(event))
    html = page(Client(), event)
    assert "Full — join the waitlist" in html
    assert "Join the waitlist" in html


def test_managers_see_the_organising_links_and_the_counts_others_do_not() -> None:
    group = new_group()
    organiser = organiser_of(group)
    event = placed_event(organiser, host_group=group, capacity=3)
    rsvp_to_shift(new_person(), only_shift(event))
    html = page(signed_in_client(organiser), event)
    for name in ("edit", "cancel_event", "checkin", "follow_up"):
        assert reverse(f"events:{name}", args=[event.pk]) in html
    assert "1 of 3 going · 0 on the waitlist" in html
    assert "Meet by the red door" in html  # managers read the instructions

    member_html = page(signed_in_client(user_in(group)), event)
    assert reverse("events:edit", args=[event.pk]) not in member_html
    assert "1 of 3 going" not in member_html
    assert "Meet by the red door" not in member_html


def test_members_only_events_are_404_for_visitors_and_supporters() -> None:
    event = placed_event(visibility="members")
    url = reverse("events:detail", args=[event.pk])
    assert Client().get(url).status_code == 404
    supporter = make_user(person=new_person(membership_status="supporter"))
    assert signed_in_client(supporter).get(url).status_code == 404
    assert signed_in_client(make_user()).get(url).status_code == 200  # a member


def test_group_only_events_are_404_outside_the_group() -> None:
    group = new_group()
    event = placed_event(host_group=group, visibility="group")
    url = reverse("events:detail", args=[event.pk])
    assert Client().get(url).status_code == 404
    assert signed_in_client(make_user()).get(url).status_code == 404
    assert signed_in_client(organiser_of(new_group())).get(url).status_code == 404
    assert signed_in_client(user_in(group)).get(url).status_code == 200


def test_an_unknown_event_is_404() -> None:
    assert Client().get(reverse("events:detail", args=[999999])).status_code == 404


def test_a_cancelled_event_says_so_and_offers_no_sign_up() -> None:
    event = placed_event()
    cancel_event(national_organiser(), event)
    html = page(Client(), event)
    assert "This event has been cancelled." in html
    assert reverse("events:rsvp", args=[event.pk, only_shift(event).pk]) not in html


def test_a_proposal_shows_a_banner_and_only_its_organisers_get_the_decision_buttons() -> None:
    group = new_group()
    proposer = user_in(group)
    begins = timezone.now() + timedelta(days=3)
    event = create_event(
        proposer, title="Reading group", kind="education", host_group=group,
        online_url="https://meet.example.org/read", shifts=[(begins, begins + timedelta(hours=1), 5)],
    )  # fmt: skip
    decide = reverse("events:decide", args=[event.pk])
    proposer_html = page(signed_in_client(proposer), event)
    assert "awaiting approval" in proposer_html
    assert decide not in proposer_html
    assert reverse("events:rsvp", args=[event.pk, only_shift(event).pk]) not in proposer_html
    organiser_html = page(signed_in_client(organiser_of(group)), event)
    assert decide in organiser_html and "Turn down" in organiser_html
    url = reverse("events:detail", args=[event.pk])
    assert Client().get(url).status_code == 404
    assert signed_in_client(user_in(group)).get(url).status_code == 404


def test_the_page_takes_the_same_number_of_queries_for_one_shift_or_many() -> None:
    def queries_for(shifts: int) -> int:
        event = placed_event(shifts=shifts, capacity=1)
        user = make_user()
        assert user.person is not None
        for shift in event.shifts.all():
            rsvp_to_shift(new_person(), shift)
            rsvp_to_shift(user.person, shift)  # waitlisted on each
        client = signed_in_client(user)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("events:detail", args=[event.pk])).status_code == 200
        return len(captured)

    one, five = queries_for(1), queries_for(5)
    assert five == one
    assert one <= 10
