"""Pytest set-up shared by every app's tests."""

import os

os.environ.setdefault(
    "DJANGO_ALLOW_ASYNC_UNSAFE", "true"
)  # Playwright's sync API runs an event loop


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    from django.core.cache import cache

    from groundswell.outreach.actions import text_claims

    cache.clear()
    text_claims._frontier.clear()  # each process's texting frontier: ids repeat between tests


BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def _chromium_path() -> str | None:
    from pathlib import Path

    for candidate in (os.environ.get("GROUNDSWELL_CHROMIUM", ""), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium driven by Playwright; skipped with a reason where it is not installed."""
    path = _chromium_path()
    if path is None:
        pytest.skip(
            "Chromium not installed (apt-get install chromium, or set GROUNDSWELL_CHROMIUM)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, headless=True, args=BROWSER_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def embedded_geography(django_db_blocker):
    """The districts, constituencies and seat points the migrations load, put back if a transactional test's flush
    emptied them (browser tests run against a live server, so they are transactional)."""
    from groundswell.geo.embedded import load_geography
    from groundswell.geo.models import Constituency, PostcodeDistrict
    from groundswell.targets.embedded import load_seat_points
    from groundswell.targets.models import SeatPoint

    with django_db_blocker.unblock():
        if not PostcodeDistrict.objects.exists():
            load_geography(Constituency, PostcodeDistrict)
        if not SeatPoint.objects.exists():
            load_seat_points(SeatPoint, Constituency)


@pytest.fixture
def phone_page(chromium, live_server, embedded_geography):
    """A phone-sized page (390x844) against the live test server."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def desktop_page(chromium, live_server, embedded_geography):
    context = chromium.new_context(
        viewport={"width": 1280, "height": 900}, base_url=live_server.url
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()
