"""The caller screen: a tel: link to ring from the caller's own phone, who the person is in the
movement, the script with names filled in, the questions as big tap targets; a fixed number of
queries however long the person's record. And the volunteer's own "My calling" page."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import GroupFactory, add_member
from groundswell.outreach.actions.assignments import pause_assignment
from groundswell.outreach.models import Answer, CallAttempt
from groundswell.people.models import Note, PhoneNumber

from .call_helpers import (
    as_person,
    assignment,
    callee,
    national,
    people,
    question,
    screen_url,
    served,
    signed_in,
    volunteer,
    yes_no,
)

pytestmark = pytest.mark.django_db


def test_the_screen_shows_what_a_caller_needs() -> None:
    owner = national()
    rosa = callee("+447911000111", given_name="Rosa", family_name="Okafor")
    PhoneNumber.objects.create(person=rosa, number="+442079460000", number_type="landline")
    PhoneNumber.objects.create(
        person=rosa, number="+447911000999", number_type="mobile", do_not_call=True
    )
    add_member(GroupFactory.create(name="Hackney Groundswell"), rosa)
    for n in range(4):
        Note.objects.create(person=rosa, text=f"Note number {n}")
    ada = volunteer()
    type(as_person(ada)).objects.filter(pk=as_person(ada).pk).update(given_name="Ada")
    made = assignment(
        owner,
        [rosa],
        [ada],
        questions=[yes_no("Will you help?")],
        script="Hi {given_name}, it's {caller_name}.",
    )
    entry = served(made, ada)
    assert entry is not None
    page = signed_in(ada).get(screen_url(entry)).content.decode()
    assert '<h1 class="call-name">Rosa Okafor</h1>' in page
    assert 'href="tel:+447911000111"' in page and "Call 07911 000111" in page
    assert 'href="tel:+442079460000"' in page
    assert "+447911000999" not in page  # marked do-not-call
    assert "Hackney Groundswell" in page
    assert "Note number 3" in page and "Note number 1" in page and "Note number 0" not in page
    assert "Hi Rosa, it&#x27;s Ada." in page
    assert f'name="q{question(made).pk}" value="yes"' in page
    assert "never called" in page
    for label in (
        "Answered",
        "No answer",
        "Voicemail",
        "Wrong number",
        "Asked not to be called",
        "Call back then",
    ):
        assert f">{label}</button>" in page


def test_the_screen_costs_the_same_queries_however_long_the_record() -> None:
    owner = national()
    quiet, busy = callee(), callee()
    ada = volunteer()
    made = assignment(owner, [quiet, busy], [ada], questions=[yes_no()])
    q = question(made)
    for n in range(8):
        Note.objects.create(person=busy, text=f"n{n}")
        add_member(GroupFactory.create(), busy)
        CallAttempt.objects.create(
            assignment=made,
            person=busy,
            outcome="no_answer",
            at=timezone.now() - timedelta(days=n + 1),
        )
    Answer.objects.create(person=busy, question=q, value="maybe", answered_at=timezone.now())
    client = signed_in(ada)
    counts = []
    for _ in range(2):
        entry = served(made, ada)
        assert entry is not None
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(screen_url(entry)).status_code == 200
        counts.append(len(ctx.captured_queries))
        from groundswell.outreach.actions.queue import skip

        skip(entry, as_person(ada))
    assert counts[0] == counts[1] and counts[0] <= 20


def test_my_calling_lists_the_assignments_a_volunteer_calls_on() -> None:
    owner = national()
    ada = volunteer()
    live = assignment(owner, people(1), [ada], name="Ring the ward")
    paused = assignment(owner, people(1), [ada], name="Quiet one")
    pause_assignment(paused)
    assignment(owner, people(1), [volunteer()], name="Someone else's")
    assignment(owner, people(1), [ada], name="Not started", start=False)
    page = signed_in(ada).get(reverse("outreach:my_calling")).content.decode()
    assert "Ring the ward" in page and "Quiet one" in page and "Paused by the organisers" in page
    assert "Someone else" not in page and "Not started" not in page
    assert reverse("outreach:call_next", args=[live.pk]) in page
