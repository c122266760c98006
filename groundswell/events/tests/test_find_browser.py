"""Browser journeys on a phone: find events near a postcode in the list and on the map; the list alone
when JavaScript is off. (Map tiles come from the internet and may not load here; markers still do.)"""

import os
from typing import Any

import pytest

from .find_helpers import placed_event, soon
from .helpers import new_group

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser]

HOSTILE = '<img src=x onerror="window.pwned=1">Tenants canvass'


def test_find_events_near_a_postcode_on_a_phone_list_and_map(phone_page: Any) -> None:
    placed_event("E8 1DY", title="Hackney door-knocking", venue="Unite hall")
    placed_event("E8 3AA", title=HOSTILE, start=soon(days=3))
    placed_event("LS6 1AA", title="Leeds canvass")
    page = phone_page
    page.goto("/events/")
    page.get_by_label("Postcode").fill("e8 1dy")
    page.get_by_role("button", name="Find events").click()

    page.get_by_role("heading", name="Events within 10 km of E8 1DY").wait_for()
    results = page.locator("#results")
    assert results.get_by_role("link", name="Hackney door-knocking").is_visible()
    assert results.get_by_text(HOSTILE).is_visible()  # shown as text, not markup
    assert "Leeds canvass" not in results.inner_text()
    assert "postcode=e8%201dy" in page.url.lower()  # htmx pushed the search: it is a link

    page.locator("#event-map .leaflet-marker-icon").first.wait_for()
    assert page.locator("#event-map").is_visible()
    seen = ""
    for marker in page.locator("#event-map .leaflet-marker-icon").all():
        marker.click()
        popup = page.locator(".leaflet-popup-content")
        popup.wait_for()
        seen += popup.inner_text()
    assert "Hackney door-knocking" in seen and HOSTILE in seen  # popups hold the text, not markup
    if "GS_SCREENSHOTS" in os.environ:
        page.screenshot(path=os.environ["GS_SCREENSHOTS"] + "/find-phone.png", full_page=True)
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.documentElement.scrollWidth") <= 390


def test_without_javascript_the_list_still_works_and_the_map_stays_hidden(
    chromium: Any, live_server: Any, embedded_geography: None
) -> None:
    placed_event("E8 1DY", title="Hackney door-knocking")
    context = chromium.new_context(
        viewport={"width": 390, "height": 844}, base_url=live_server.url, java_script_enabled=False
    )
    page = context.new_page()
    try:
        page.goto("/events/")
        page.get_by_label("Postcode").fill("E8 1DY")
        page.get_by_role("button", name="Find events").click()
        page.get_by_role("link", name="Hackney door-knocking").wait_for()
        assert not page.locator("#event-map").is_visible()
    finally:
        context.close()


def test_on_a_wide_screen_the_map_sits_beside_the_list(desktop_page: Any) -> None:
    placed_event("E8 1DY", title="Hackney door-knocking")
    placed_event("N16 0AA", title="Stoke Newington stall", start=soon(days=3))
    page = desktop_page
    page.goto("/events/?postcode=E8+1DY&km=10")
    page.locator("#event-map .leaflet-marker-icon").first.wait_for()
    map_box = page.locator("#event-map").bounding_box()
    list_box = page.locator("#results .list").first.bounding_box()
    assert map_box and list_box and map_box["x"] > list_box["x"] + list_box["width"] - 1
    if "GS_SCREENSHOTS" in os.environ:
        page.screenshot(path=os.environ["GS_SCREENSHOTS"] + "/find-desktop.png", full_page=True)


def test_another_site_can_frame_a_groups_events_page(phone_page: Any, live_server: Any) -> None:
    group = new_group(name="Hackney Groundswell", slug="hackney")
    placed_event("E8 1DY", title="Hackney door-knocking", host_group=group)
    page = phone_page
    url = f"{live_server.url}/events/groups/hackney/embed/"
    # about:blank, as another site: with X-Frame-Options DENY the frame would stay empty
    page.set_content(f'<h1>Our website</h1><iframe src="{url}" width="360" height="400"></iframe>')
    frame = page.frame_locator("iframe")
    frame.get_by_role("link", name="Hackney door-knocking").wait_for()
    if "GS_SCREENSHOTS" in os.environ:
        page.screenshot(path=os.environ["GS_SCREENSHOTS"] + "/embed.png")
