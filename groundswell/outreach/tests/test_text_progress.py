"""The organiser's progress page: texted, delivered, failed, replies and opt-outs for the campaign
and for each texter, refreshed in place by htmx, in a fixed number of queries."""

import re
from collections.abc import Iterator

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from groundswell.messaging.tests.fake_twilio import FakeTwilio
from groundswell.outreach.models import TextCampaign

from .text_helpers import (
    campaign,
    inbound,
    organiser,
    person,
    send_first_text,
    signed_in,
    status_report,
    texter,
    twilio_settings,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def fake() -> Iterator[FakeTwilio]:
    with FakeTwilio() as server, twilio_settings(server):
        yield server


def _post(request: tuple[str, dict[str, str], dict[str, str]]) -> None:
    path, params, headers = request
    assert Client().post(path, params, headers=headers).status_code in (200, 204)


def _figures(html: str) -> dict[str, int]:
    return {name: int(value) for name, value in re.findall(r'data-figure="(\w+)">(\d+)<', html)}


def _busy_campaign(fake: FakeTwilio, people: int = 5):  # type: ignore[no-untyped-def]
    ana, ben = texter(), texter()
    boss = organiser()
    made = campaign(boss, [person() for _ in range(people)], [ana, ben])
    a1, a2, b1 = send_first_text(ana, made), send_first_text(ana, made), send_first_text(ben, made)
    _post(status_report(fake, a1.messages.get(), "delivered"))
    _post(status_report(fake, a2.messages.get(), "undelivered", "30003"))
    _post(inbound(fake, a1.phone, "I'll be there"))
    _post(inbound(fake, b1.phone, "STOP"))
    return boss, made, ana, ben


def test_the_figures_add_up_overall_and_per_texter(fake: FakeTwilio) -> None:
    boss, made, ana, ben = _busy_campaign(fake)

    page = signed_in(boss).get(reverse("outreach:text_progress", args=[made.pk])).content.decode()

    figures = _figures(page)
    assert figures == {
        "texted": 3,
        "delivered": 1,
        "failed": 1,
        "replied": 2,
        "opted_out": 1,
        "messages": 3,
    }
    assert "5 people · 2 still to text" in page
    rows = re.findall(r"<tr><td>([^<]+)</td>((?:<td>\d+</td>)+)</tr>", page)
    by_name = {name: re.findall(r"\d+", cells) for name, cells in rows}
    # sent, delivered, failed, replies, to answer, opt-outs
    assert by_name[ana.person.full_name] == ["2", "1", "1", "1", "1", "0"]
    assert by_name[ben.person.full_name] == ["1", "0", "0", "1", "0", "1"]


def test_htmx_polling_gets_just_the_figures(fake: FakeTwilio) -> None:
    boss, made, _, _ = _busy_campaign(fake)
    url = reverse("outreach:text_progress", args=[made.pk])
    part = signed_in(boss).get(url, HTTP_HX_REQUEST="true").content.decode()
    assert part.strip().startswith('<div id="figures"')
    assert 'hx-trigger="every 5s"' in part
    assert "<h1>" not in part


def _queries(client: Client, made: TextCampaign) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("outreach:text_progress", args=[made.pk])).status_code == 200
    return len(captured.captured_queries)


def test_the_page_costs_the_same_queries_however_many_texters(fake: FakeTwilio) -> None:
    boss, small, _, _ = _busy_campaign(fake)
    client = signed_in(boss)
    few = _queries(client, small)
    _, big, _, _ = _busy_campaign(fake, people=12)
    for _ in range(4):
        extra = texter()
        big.texters.add(extra.person)
        send_first_text(extra, big)
    assert _queries(client, big) == few
