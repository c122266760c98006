"""The find-events page: a linkable GET search whose list works without JavaScript, and which answers
every malformed or hostile input with a message rather than an error page."""

import json
from datetime import datetime, timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import signed_in_client
from groundswell.events.models import Event

from .find_helpers import LONDON, member_user, placed_event, soon
from .helpers import online_event

pytestmark = pytest.mark.django_db
URL = reverse("events:find")


def _get(client: Client | None = None, /, **params: Any) -> Any:
    response = (client or Client()).get(URL, params)
    assert response.status_code == 200
    return response


def _markers(response: Any) -> list[dict[str, Any]]:
    script = _between(response, 'id="event-markers"', "</script>")
    data: dict[str, Any] = json.loads(script[script.index(">") + 1 :])
    return list(data["events"])


def _between(response: Any, start: str, end: str) -> str:
    html = response.content.decode()
    return html[html.index(start) + len(start) : html.index(end, html.index(start))]


def test_it_lists_events_near_a_postcode_with_time_place_distance_and_a_link() -> None:
    event = placed_event("E8 1DY", venue="Hackney Unite hall", capacity=6, title="Door-knocking")
    response = _get(postcode="n16 0aa", km="10")
    html = response.content.decode()
    assert "Events within 10 km of N16 0AA" in html
    assert reverse("events:detail", args=[event.pk]) in html
    assert "Hackney Unite hall" in html and "6 places left" in html
    local = timezone.localtime(event.shifts.get().start)
    assert f"{local:%H:%M}–" in html
    [marker] = _markers(response)
    assert marker["title"] == "Door-knocking" and marker["distance"].endswith(" km")
    assert 0 < float(marker["distance"].split()[0]) < 10


def test_times_are_shown_in_london_time_in_summer_and_winter() -> None:
    summer = datetime(timezone.now().year + 1, 7, 4, 18, 30, tzinfo=LONDON)  # BST: 17:30 UTC
    winter = datetime(timezone.now().year + 1, 1, 9, 18, 30, tzinfo=LONDON)  # GMT: 18:30 UTC
    placed_event(title="Summer", start=summer)
    placed_event(title="Winter", start=winter)
    for day in (summer, winter):
        html = _get(start=day.date().isoformat(), end=day.date().isoformat()).content.decode()
        assert "18:30–20:30" in html
        assert f"{day:%a} {day.day} {day:%b}, 18:30" in html


def test_without_a_postcode_it_lists_upcoming_events_everywhere_for_the_next_30_days() -> None:
    placed_event("E8 1DY", title="Hackney canvass")
    placed_event("M1 1AA", title="Manchester canvass")
    placed_event("M1 1AA", title="Far off", start=soon(days=45))
    html = _get().content.decode()
    assert "Upcoming events everywhere" in html and "Add your postcode" in html
    assert "Hackney canvass" in html and "Manchester canvass" in html
    assert "Far off" not in html and " km</span>" not in html


def test_a_bad_postcode_gets_the_suggestion_and_no_results() -> None:
    placed_event("E8 1DY", title="Hackney canvass")
    html = _get(postcode="E8 IDY").content.decode()  # a letter I for the digit 1
    assert "Please check your search" in html and "E8 1DY" in html
    assert "postcode=E8+1DY" in html  # a link that searches the suggestion
    assert "Hackney canvass" not in html
    assert "Please check your search" in _get(postcode="hello world").content.decode()


@pytest.mark.parametrize(
    "params",
    [
        {"km": "1000000"},
        {"km": "ten"},
        {"kind": "bogus"},
        {"start": "not-a-date"},
        {"start": "2026-02-30"},
        {"end": "9999-12-31"},
        {"start": "9999-12-31"},
        {"start": "2099-01-10", "end": "2099-01-01"},
        {"postcode": "x" * 500},
        {"postcode": "<script>alert(1)</script>"},
        {"postcode": "\x00\x01"},
    ],
)
def test_malformed_or_hostile_input_gets_a_message_not_an_error_page(
    params: dict[str, str],
) -> None:
    placed_event(title="Hackney canvass")
    html = _get(**params).content.decode()
    assert "Please check your search" in html
    assert "Hackney canvass" not in html
    assert "<script>alert(1)</script>" not in html


def test_a_silly_page_number_shows_the_first_page_and_a_huge_one_an_empty_page() -> None:
    placed_event(title="Hackney canvass")
    for page in ("abc", "-3", "0", "1.5", "\x00"):
        assert "Hackney canvass" in _get(page=page).content.decode()
    deep = _get(page="99999999999999999999").content.decode()
    assert "Hackney canvass" not in deep and "Sooner events" in deep


def test_results_page_with_sooner_and_later_links_that_keep_the_search() -> None:
    for n in range(23):
        placed_event(
            title=f"Canvass number {n:02}", start=soon(days=2, hour=0) + timedelta(hours=n)
        )
    first = _get(postcode="E8 1DY", kind="canvass").content.decode()
    assert "Showing events 1–20" in first and "Canvass number 19" in first
    assert "Canvass number 20" not in first
    assert "page=2" in first and "kind=canvass" in _between_link(first, "Later events")
    second = _get(postcode="E8 1DY", kind="canvass", page="2").content.decode()
    assert "Showing events 21–23" in second and "Canvass number 22" in second
    assert "Sooner events" in second and "Later events" not in second


def _between_link(html: str, label: str) -> str:
    end = html.index(label)
    return html[html.rindex("<a ", 0, end) : end]


def test_online_events_are_listed_apart_without_a_distance() -> None:
    placed_event(title="Hackney canvass")
    online_event(title="National phone bank")
    html = _get(postcode="E8 1DY").content.decode()
    online = html[html.index('id="online-heading"') :]
    assert "National phone bank" in online and "Online" in online
    assert "Hackney canvass" not in online
    assert [m["title"] for m in _markers(_get(postcode="E8 1DY"))] == ["Hackney canvass"]


def test_members_see_members_only_events_and_others_do_not() -> None:
    placed_event(title="Members' canvass", visibility="members")
    assert "Members&#x27; canvass" not in _get(postcode="E8 1DY").content.decode()
    html = _get(signed_in_client(member_user()), postcode="E8 1DY").content.decode()
    assert "Members&#x27; canvass" in html and "Members only" in html


def test_a_hostile_title_is_escaped_in_the_list_and_in_the_map_data() -> None:
    hostile = '</script><script>alert("x")</script><img src=x onerror=alert(1)>'
    placed_event(title=hostile)
    response = _get(postcode="E8 1DY")
    html = response.content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html
    assert _markers(response)[0]["title"] == hostile  # the data survives, escaped, for textContent


def test_nothing_found_suggests_a_wider_distance() -> None:
    placed_event("SE1 7PB", title="Waterloo canvass")
    html = _get(postcode="E8 1DY", km="5").content.decode()
    assert "No events within 5 km" in html
    assert "km=25" in html and "km=50" in html


def test_an_htmx_request_gets_only_the_results() -> None:
    placed_event(title="Hackney canvass")
    response = Client().get(URL, {"postcode": "E8 1DY"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200 and html.lstrip().startswith('<div id="results"')
    assert "Hackney canvass" in html and "<header" not in html


def test_the_page_loads_the_vendored_leaflet_and_hides_the_map_until_the_script_draws_it() -> None:
    placed_event(title="Hackney canvass")
    html = _get(postcode="E8 1DY").content.decode()
    assert "vendor/leaflet-1.7.1/leaflet.js" in html and "events/find-map.js" in html
    assert 'id="event-map" class="event-map" hidden' in html


def test_a_page_of_results_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries: Any,
) -> None:
    for n in range(15):
        placed_event(title=f"Canvass {n}", start=soon(days=2, hour=6 + n))
        online_event(title=f"Call {n}")
    client = signed_in_client(member_user())
    client.get(URL, {"postcode": "E8 1DY"})
    # session and user, the postcode (2), visibility (2), events, online events, places taken,
    # and the menu's "organiser?" check
    with django_assert_max_num_queries(10):
        _get(client, postcode="E8 1DY")


def test_it_answers_only_get_and_head() -> None:
    assert Client().post(URL, {"postcode": "E8 1DY"}).status_code == 405
    assert Event.objects.count() == 0
