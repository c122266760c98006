"""On a phone: a member finds their calendar feed, it fits the screen, and the feed it links to
holds the event they signed up for."""

from urllib.parse import urlsplit

import icalendar
import pytest

from groundswell.core.testing import add_member, make_user, signed_in_client

from .helpers import new_group, only_shift
from .notify_helpers import place, placed_event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_member_finds_their_feed_on_a_phone_and_it_holds_their_event(
    phone_page, live_server
) -> None:
    user = make_user()
    assert user.person is not None
    add_member(new_group(name="Hackney for Change"), user.person)
    place(only_shift(placed_event(title="Saturday canvass")), user.person)
    session = signed_in_client(user).cookies["sessionid"].value
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": session, "url": live_server.url}]
    )

    page = phone_page
    page.goto("/events/calendar/")
    page.get_by_role("heading", name="Calendar feeds").wait_for()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    subscribe = page.get_by_role("link", name="Subscribe").first
    assert (subscribe.get_attribute("href") or "").startswith("webcal://")
    assert page.get_by_role("heading", name="Hackney for Change").is_visible()
    address = page.get_by_label("Feed address").first.input_value()
    feed = page.request.get(live_server.url + urlsplit(address).path)
    assert feed.ok and feed.headers["content-type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(feed.body())
    assert [str(v["summary"]) for v in calendar.walk("VEVENT")] == ["Saturday canvass"]
