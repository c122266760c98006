"""The organiser's live progress: queue, calls made and reached, the answers to each question, and
each caller's figures, in a fixed number of queries however many calls there are."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import verified_client

from .call_helpers import (
    as_person,
    assignment,
    national,
    people,
    question,
    record,
    served,
    volunteer,
    yes_no,
)

pytestmark = pytest.mark.django_db


def _calls(owner, count: int):  # type: ignore[no-untyped-def]
    ada, bo = volunteer(), volunteer()
    for u, name in ((ada, "Ada"), (bo, "Bo")):
        type(as_person(u)).objects.filter(pk=as_person(u).pk).update(
            given_name=name, family_name="Caller"
        )
    made = assignment(
        owner, people(count + 1), [ada, bo], questions=[yes_no()], goal=0, goal_values=["yes"]
    )
    field = f"q{question(made).pk}"
    plan = [
        (ada, "answered", "yes"),
        (ada, "answered", "no"),
        (ada, "no_answer", ""),
        (bo, "voicemail", ""),
        (bo, "answered", "yes"),
    ]
    for caller, outcome, value in plan[:count]:
        entry = served(made, caller)
        assert entry is not None
        record(entry, caller, outcome, answers={field: [value]} if value else {})
    return made, ada, bo


def test_the_progress_page_counts_calls_answers_and_callers() -> None:
    owner = national()
    made, ada, bo = _calls(owner, 5)
    assert served(made, bo) is not None  # one more person now on Bo's screen
    page = (
        verified_client(owner).get(reverse("outreach:call_detail", args=[made.pk])).content.decode()
    )
    assert '<span class="stat" id="fig-calls">5</span>' in page
    assert '<span class="stat" id="fig-reached">3</span>' in page
    assert '<span class="stat" id="fig-done">2</span>' in page  # the two yeses met the goal
    assert '<span class="stat" id="fig-on-screens">1</span>' in page
    assert (
        "<dt>Yes</dt><dd>2</dd>" in page
        and "<dt>No</dt><dd>1</dd>" in page
        and "<dt>Maybe</dt><dd>0</dd>" in page
    )
    assert "<td>Ada Caller</td><td>3</td><td>2</td>" in page
    assert "<td>Bo Caller</td><td>2</td><td>1</td>" in page and "<td>calling</td>" in page


def test_htmx_gets_just_the_live_figures() -> None:
    owner = national()
    made, _, _ = _calls(owner, 2)
    response = verified_client(owner).get(
        reverse("outreach:call_detail", args=[made.pk]), HTTP_HX_REQUEST="true"
    )
    text = response.content.decode()
    assert text.lstrip().startswith('<div id="progress"') and "<h1>" not in text
    assert 'id="fig-calls">2<' in text


def test_the_page_costs_the_same_queries_with_more_calls() -> None:
    owner = national()
    client = verified_client(owner)
    small, _, _ = _calls(owner, 1)
    big, _, _ = _calls(owner, 5)
    counts = []
    for made in (small, big):
        with CaptureQueriesContext(connection) as ctx:
            client.get(reverse("outreach:call_detail", args=[made.pk]), HTTP_HX_REQUEST="true")
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
    assert counts[1] <= 15


def test_waiting_people_are_counted_until_their_time_comes() -> None:
    from groundswell.outreach.queries.call_progress import progress

    owner = national()
    made, _, _ = _calls(owner, 3)  # a yes (done), a no (short of the goal), no answer
    assert progress(made, timezone.now()).waiting == 2
    assert progress(made, timezone.now() + timedelta(days=2)).waiting == 0
