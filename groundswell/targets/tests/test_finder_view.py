"""The public finder: a postcode in, the nearest (or neediest) target seats out, with their sessions."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import make_user
from groundswell.events.models import Event, EventStatus
from groundswell.events.tests.helpers import national_organiser
from groundswell.geo.models import Postcode
from groundswell.targets.actions import add_target
from groundswell.targets.tests.helpers import canvass, make_target, seat, sign_up

pytestmark = pytest.mark.django_db
URL = reverse("targets:finder")
HENDON_TOWN_HALL = "NW4 4BT"


def search(client: Client | None = None, **params: Any) -> Any:
    return (client or Client()).get(URL, params)


def seat_names(response: Any) -> list[str]:
    return [found.seat.name for found in response.context["found"]]


def test_the_page_asks_for_a_postcode_and_needs_no_account() -> None:
    response = Client().get(URL)
    assert response.status_code == 200
    assert b'name="postcode"' in response.content
    assert response.context.get("found") is None


def test_it_lists_the_nearest_targets_with_distance_margin_and_sessions() -> None:
    make_target("Hendon", weekly_goal=10)
    make_target("Finchley and Golders Green")
    make_target("Poole")
    session = canvass("Hendon", capacity=5, title="Saturday doors in Hendon")
    shift = session.shifts.get()
    sign_up(shift, 2)

    response = search(postcode=HENDON_TOWN_HALL)

    assert response.status_code == 200
    assert seat_names(response) == ["Hendon", "Finchley and Golders Green", "Poole"]
    hendon, finchley, poole = response.context["found"]
    assert hendon.in_seat and hendon.distance_km == 0
    assert 0 < finchley.distance_km < 5
    assert 150 < poole.distance_km < 200
    page = response.content.decode()
    assert "You&#x27;re in this seat" in page
    assert "Labour won by 0.04% over Conservative" in page  # Hendon, the closest seat of 2024
    assert "Saturday doors in Hendon" in page
    assert "3 places left" in page
    assert "2 of 10 volunteers signed up this week" in page
    assert reverse("events:rsvp", args=[session.pk, shift.pk]) in page
    assert f"{poole.distance_km:.0f} km away" in page


def test_the_session_time_is_shown_in_london_time() -> None:
    make_target("Hendon")
    start = timezone.now().replace(month=7, day=4, hour=9, minute=30, second=0, microsecond=0)
    if start < timezone.now():
        start = start.replace(year=start.year + 1)
    canvass("Hendon", start=start)  # 09:30 UTC is 10:30 in London in July
    assert "10:30–12:30" in search(postcode=HENDON_TOWN_HALL).content.decode()


def test_most_needed_puts_an_empty_seat_before_a_full_one_next_door() -> None:
    make_target("Hendon", weekly_goal=4)
    make_target("Finchley and Golders Green", weekly_goal=4)
    sign_up(canvass("Hendon", capacity=10).shifts.get(), 4)

    nearest = search(postcode=HENDON_TOWN_HALL, order="nearest")
    needed = search(postcode=HENDON_TOWN_HALL, order="needed")

    assert seat_names(nearest) == ["Hendon", "Finchley and Golders Green"]
    assert seat_names(needed) == ["Finchley and Golders Green", "Hendon"]
    assert "goal met" in needed.content.decode()


def test_sign_ups_older_than_a_week_do_not_count() -> None:
    make_target("Hendon", weekly_goal=10)
    shift = canvass("Hendon", capacity=10).shifts.get()
    sign_up(shift, 3)
    sign_up(shift, 4, days_ago=8)
    (hendon,) = search(postcode=HENDON_TOWN_HALL).context["found"]
    assert hendon.signups == 3
    assert hendon.gap == 7


def test_a_full_session_offers_the_waitlist_and_past_or_cancelled_ones_are_left_out() -> None:
    make_target("Hendon")
    sign_up(canvass("Hendon", capacity=1, title="Full session").shifts.get(), 1)
    cancelled = canvass("Hendon", title="Called off")
    Event.objects.filter(pk=cancelled.pk).update(status=EventStatus.CANCELLED)
    started = canvass("Hendon", title="Already started")
    started.shifts.update(start=timezone.now() - timedelta(hours=1))

    page = search(postcode=HENDON_TOWN_HALL).content.decode()

    assert "Full session" in page and "Join waitlist" in page
    assert "Called off" not in page
    assert "Already started" not in page


def test_members_only_sessions_are_shown_to_members_but_not_to_anonymous_visitors() -> None:
    make_target("Hendon")
    canvass("Hendon", title="Members only doors", visibility="members")
    member = Client()
    member.force_login(make_user())
    assert "Members only doors" not in search(postcode=HENDON_TOWN_HALL).content.decode()
    assert "Members only doors" in search(member, postcode=HENDON_TOWN_HALL).content.decode()


def test_a_member_signs_up_in_one_click_and_a_visitor_gets_the_short_form() -> None:
    make_target("Hendon")
    session = canvass("Hendon")
    rsvp = reverse("events:rsvp", args=[session.pk, session.shifts.get().pk])
    member = Client()
    member.force_login(make_user())

    as_member = search(member, postcode=HENDON_TOWN_HALL).content.decode()
    as_visitor = search(postcode=HENDON_TOWN_HALL).content.decode()

    assert f'<form method="post" action="{rsvp}">' in as_member
    assert f'href="{rsvp}"' in as_visitor
    assert f'<form method="post" action="{rsvp}">' not in as_visitor


def test_inactive_targets_are_not_offered() -> None:
    make_target("Hendon", active=False)
    make_target("Poole")
    assert seat_names(search(postcode=HENDON_TOWN_HALL)) == ["Poole"]


def test_a_new_target_shows_at_once_though_each_process_keeps_the_targets_in_memory(
    django_capture_on_commit_callbacks: Any,
) -> None:
    make_target("Poole")
    assert seat_names(search(postcode=HENDON_TOWN_HALL)) == ["Poole"]
    with django_capture_on_commit_callbacks(execute=True):
        add_target(national_organiser(), seat("Hendon"), priority=1, weekly_goal=5)
    assert seat_names(search(postcode=HENDON_TOWN_HALL)) == ["Hendon", "Poole"]


def test_where_geo_knows_the_exact_postcode_that_position_is_used() -> None:
    make_target("Hendon")
    make_target("Poole")
    poole = seat("Poole")
    assert poole.centroid_lat is not None and poole.centroid_lng is not None
    # An invented position, in Poole, for Hendon's town hall: only the exact table could say that.
    Postcode.objects.create(postcode=HENDON_TOWN_HALL, district="NW4", lat=poole.centroid_lat,
                            lng=poole.centroid_lng, constituency=poole)  # fmt: skip
    response = search(postcode=HENDON_TOWN_HALL)
    assert seat_names(response) == ["Poole", "Hendon"]
    assert response.context["place"].precision == "postcode"


def test_with_no_targets_it_says_so() -> None:
    response = search(postcode=HENDON_TOWN_HALL)
    assert response.status_code == 200
    assert "No target seats have been chosen yet" in response.content.decode()


def test_show_more_lists_up_to_ten() -> None:
    names = ["Hendon", "Poole", "Basildon and Billericay", "Finchley and Golders Green",
             "Chipping Barnet", "Harrow East", "Hampstead and Highgate"]  # fmt: skip
    for name in names:
        make_target(name)
    assert len(search(postcode=HENDON_TOWN_HALL).context["found"]) == 5
    assert len(search(postcode=HENDON_TOWN_HALL, show="10").context["found"]) == 7


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"postcode": "S01 1AA"}, "Did you mean SO1 1AA?"),
        ({"postcode": "YY9 9ZZ"}, "We don&#x27;t recognise the postcode area"),
        ({"postcode": ""}, "Enter your postcode"),
        ({"postcode": "x" * 5000}, "too long for a postcode"),
        ({"postcode": "BFPO 1234"}, "no place on the map"),
        ({"postcode": "<script>alert(1)</script>"}, "postcode"),
        (
            {"postcode": HENDON_TOWN_HALL, "order": "'; DROP TABLE"},
            "Choose &#x27;Nearest first&#x27;",
        ),
        ({"postcode": HENDON_TOWN_HALL, "show": "9999"}, "We can show 5, 10 or 20 seats"),
        ({"postcode": HENDON_TOWN_HALL, "show": "ten"}, "We can show 5, 10 or 20 seats"),
        ({"postcode": "NW4\x004BT"}, "Null characters are not allowed"),
        ({"postcode": "   "}, "Enter your postcode"),
    ],
)
def test_bad_input_gets_a_clear_message_not_an_error(params: dict[str, str], message: str) -> None:
    make_target("Hendon")
    response = Client().get(URL, params)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert response.context.get("found") is None
    assert b"<script>alert(1)</script>" not in response.content


def test_a_suggestion_is_offered_as_a_link() -> None:
    response = search(postcode="S01 1AA")
    assert 'href="?postcode=SO1%201AA"' in response.content.decode()


def test_htmx_gets_only_the_results() -> None:
    make_target("Hendon")
    response = Client().get(URL, {"postcode": HENDON_TOWN_HALL}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert page.lstrip().startswith('<div id="results"')
    assert "Hendon" in page and "<html" not in page


def test_htmx_gets_a_bad_postcode_explained_in_a_swappable_answer() -> None:
    response = Client().get(URL, {"postcode": "S01 1AA"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200  # htmx swaps in only 2xx answers
    assert "Did you mean SO1 1AA?" in response.content.decode()


def test_a_search_takes_a_handful_of_queries_however_many_targets_and_sessions(
    django_assert_max_num_queries: Any,
) -> None:
    names = ["Hendon", "Finchley and Golders Green", "Chipping Barnet", "Harrow East",
             "Hampstead and Highgate", "Poole"]  # fmt: skip
    for name in names:
        make_target(name)
        for days in (1, 2, 3, 4):
            sign_up(canvass(name, start=timezone.now() + timedelta(days=days)).shifts.get(), 1)
    # Cold: every sector's place, whether geo has full postcodes, the targets, their seats' points, their
    # sign-ups, the next sessions and their places left.
    with django_assert_max_num_queries(7):
        search(postcode=HENDON_TOWN_HALL, order="needed")
    # Warm: none; the rest is in memory or the cache.
    with django_assert_max_num_queries(0):
        response = search(postcode=HENDON_TOWN_HALL, order="needed")
    assert len(response.context["found"]) == 5
    assert all(len(found.sessions) == 3 for found in response.context["found"])
    assert sum(found.signups for found in response.context["found"]) == 20
