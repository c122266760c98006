"""Organisers set up an assignment on one page (audience, script, questions, goal, callers), then
start, pause and close it. Questions are fixed once calling starts."""

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import verified_client
from groundswell.events.tests.helpers import online_event, only_shift
from groundswell.outreach.actions.assignments import ordered_questions
from groundswell.outreach.models import CallAssignment, CallQueueEntry

from .call_helpers import as_person, audience_of, national, people, volunteer

pytestmark = pytest.mark.django_db


def _form(search_id: int, **extra: Any) -> dict[str, Any]:
    form = {
        "name": "Count volunteers", "audience": search_id, "script": "Hi {given_name}, it's {caller_name}.",
        "cooldown_hours": "24", "claim_minutes": "20", "goal": "", "goal_values": "", "callers": "",
        "q-TOTAL_FORMS": "3", "q-INITIAL_FORMS": "0", "q-MIN_NUM_FORMS": "0", "q-MAX_NUM_FORMS": "20",
    }  # fmt: skip
    form.update(extra)
    return form


def test_an_organiser_creates_an_assignment_with_questions_goal_and_callers() -> None:
    owner = national()
    ring, ada = people(3), volunteer()
    search = audience_of(owner, ring)
    shift = only_shift(online_event(owner, start=timezone.now() + timedelta(days=5)))
    form = _form(
        search.pk, goal="1", goal_values="yes", callers=f"{ada.email}\n",
        **{"q-0-text": "Which ward?", "q-0-kind": "single", "q-0-choices": "North\nSouth",
           "q-1-text": "Will you come?", "q-1-kind": "event_rsvp", "q-1-shift": str(shift.pk),
           "q-2-text": "", "q-2-kind": "text"},
    )  # fmt: skip
    response = verified_client(owner).post(reverse("outreach:call_new"), form)
    made = CallAssignment.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse(
        "outreach:call_detail", args=[made.pk]
    )
    questions = ordered_questions(made)
    assert [(q.text, q.kind, q.choices) for q in questions] == [
        ("Which ward?", "single", ["North", "South"]),
        ("Will you come?", "event_rsvp", []),
    ]
    assert questions[1].shift == shift
    assert made.goal_question == questions[1] and made.goal_values == ["yes"]
    assert list(made.callers.all()) == [as_person(ada)]
    assert made.status == "draft" and not CallQueueEntry.objects.exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            {"callers": "nobody@example.org"},
            "No one you can see has the address nobody@example.org",
        ),
        (
            {"q-0-text": "Ward?", "q-0-kind": "single", "q-0-choices": "North"},
            "needs 2 to 20 answers",
        ),
        ({"q-0-text": "Come?", "q-0-kind": "event_rsvp"}, "choose its shift"),
        (
            {
                "q-0-text": "Help?",
                "q-0-kind": "yes_no_maybe",
                "goal": "0",
                "goal_values": "perhaps",
            },
            "“perhaps” is not an answer",
        ),
        ({"goal": "2"}, "Question 3, chosen as the goal, is blank"),
    ],
)
def test_mistakes_are_explained_and_nothing_is_saved(extra: dict[str, str], message: str) -> None:
    owner = national()
    search = audience_of(owner, people(1))
    response = verified_client(owner).post(reverse("outreach:call_new"), _form(search.pk, **extra))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not CallAssignment.objects.exists()


def _draft(owner) -> CallAssignment:  # type: ignore[no-untyped-def]
    search = audience_of(owner, people(3))
    form = _form(search.pk, **{"q-0-text": "Help?", "q-0-kind": "yes_no_maybe"})
    verified_client(owner).post(reverse("outreach:call_new"), form)
    return CallAssignment.objects.get()


def test_start_pause_and_close() -> None:
    owner = national()
    made = _draft(owner)
    client = verified_client(owner)
    url = reverse("outreach:call_status", args=[made.pk])
    page = client.post(url, {"action": "start"}, follow=True).content.decode()
    assert "3 people joined the queue" in page
    assert CallQueueEntry.objects.filter(assignment=made).count() == 3
    client.post(url, {"action": "pause"})
    made.refresh_from_db()
    assert made.status == "paused"
    client.post(url, {"action": "close"})
    made.refresh_from_db()
    assert made.status == "closed"
    again = client.post(url, {"action": "start"}, follow=True).content.decode()
    assert "it cannot be started" in again


def test_questions_are_fixed_once_calling_has_started() -> None:
    owner = national()
    made = _draft(owner)
    client = verified_client(owner)
    client.post(reverse("outreach:call_status", args=[made.pk]), {"action": "start"})
    edit = reverse("outreach:call_edit", args=[made.pk])
    page = client.get(edit).content.decode()
    assert "the questions stay as they are" in page and 'name="q-0-text"' not in page
    form = _form(
        made.audience_id, script="New words", goal="0", **{"q-0-text": "Sneaky new question"}
    )
    response = client.post(edit, form)
    assert response.status_code == 302
    made.refresh_from_db()
    assert made.script == "New words"
    assert [q.text for q in ordered_questions(made)] == ["Help?"]
    assert made.goal_question is not None and made.goal_question.text == "Help?"


def test_a_group_organiser_is_offered_their_own_searches_and_groups_only() -> None:
    from groundswell.core.testing import GroupFactory, PersonFactory, add_member, make_user
    from groundswell.groups.models import Membership

    mine_group = GroupFactory.create(name="Ward group")
    GroupFactory.create(name="Elsewhere group")
    organiser = make_user(person=PersonFactory.create())
    add_member(mine_group, organiser.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    audience_of(organiser, [], name="My ward list")
    audience_of(national(), people(1), name="Their secret list")
    page = verified_client(organiser).get(reverse("outreach:call_new")).content.decode()
    assert "My ward list" in page and "Their secret list" not in page
    assert "Ward group" in page and "Elsewhere group" not in page
    assert 'name="q-0-text"' in page and 'name="callers"' in page
