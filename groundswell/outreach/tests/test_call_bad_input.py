"""A bad outcome form gets a clear message on the caller screen and writes nothing: no attempt, no
answer, no history, and the person stays on the caller's screen. Sending a good form twice records
one call."""

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from groundswell.outreach.actions.assignments import QuestionSpec
from groundswell.outreach.models import Answer, CallAttempt, CallQueueEntry
from groundswell.people.models import HistoryEvent, Note

from .call_helpers import (
    as_person,
    assignment,
    national,
    outcome_url,
    people,
    question,
    served,
    signed_in,
    volunteer,
    yes_no,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def held() -> dict[str, Any]:
    owner, ring = national(), people(2)
    ada = volunteer()
    other = assignment(owner, people(1), [ada], questions=[yes_no("Elsewhere?")], name="Other")
    made = assignment(
        owner,
        ring,
        [ada],
        questions=[
            yes_no(),
            QuestionSpec("single", "Ward?", ["North", "South"]),
            QuestionSpec("text", "Notes?"),
        ],
    )
    entry = served(made, ada)
    assert entry is not None
    q = [question(made, n) for n in range(3)]
    return {
        "ada": ada,
        "entry": entry,
        "q": q,
        "other_q": question(other),
        "client": signed_in(ada),
    }


def _local(moment: Any) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%dT%H:%M")


def _post(held: dict[str, Any], form: dict[str, Any]) -> str:
    response = held["client"].post(outcome_url(held["entry"]), {"round": "0", **form})
    assert response.status_code == 400
    return str(response.content.decode())


def _nothing_written(held: dict[str, Any]) -> None:
    assert not CallAttempt.objects.exists()
    assert not Answer.objects.exists()
    assert not HistoryEvent.objects.filter(kind="call").exists()
    assert not Note.objects.exists()
    entry = CallQueueEntry.objects.get(pk=held["entry"].pk)
    assert entry.caller_id == as_person(held["ada"]).pk and entry.attempts == 0 and not entry.done


def test_an_unknown_outcome(held: dict[str, Any]) -> None:
    assert "Choose what happened on the call" in _post(held, {"outcome": "hung_up"})
    _nothing_written(held)


@pytest.mark.parametrize(
    ("when", "message"),
    [
        ("", "Say when to call back"),
        ("tomorrow-ish", "Say when to call back"),
        ("past", "The call-back time has passed"),
        ("far", "within the next 60 days"),
    ],
)
def test_a_bad_call_back_time(held: dict[str, Any], when: str, message: str) -> None:
    now = timezone.now()
    value = {"past": _local(now - timedelta(hours=1)), "far": _local(now + timedelta(days=61))}.get(
        when, when
    )
    assert message in _post(held, {"outcome": "call_back", "call_back_at": value, "note": "x"})
    _nothing_written(held)


def test_an_answer_to_a_question_this_assignment_does_not_ask(held: dict[str, Any]) -> None:
    page = _post(
        held, {"outcome": "answered", f"q{held['q'][0].pk}": "yes", f"q{held['other_q'].pk}": "yes"}
    )
    assert "a question this call does not ask" in page
    _nothing_written(held)


def test_an_option_that_is_not_one_of_the_choices(held: dict[str, Any]) -> None:
    page = _post(held, {"outcome": "answered", f"q{held['q'][1].pk}": "East"})
    assert "“East” is not one of the answers to “Ward?”" in page
    _nothing_written(held)


def test_two_options_for_a_choose_one_question(held: dict[str, Any]) -> None:
    page = _post(held, {"outcome": "answered", f"q{held['q'][1].pk}": ["North", "South"]})
    assert "takes one answer" in page
    _nothing_written(held)


def test_oversized_text(held: dict[str, Any]) -> None:
    page = _post(held, {"outcome": "answered", f"q{held['q'][2].pk}": "x" * 2001})
    assert "too long (at most 2000 characters)" in page
    _nothing_written(held)
    assert "too long" in _post(held, {"outcome": "no_answer", "note": "y" * 2001})
    _nothing_written(held)


def test_answers_with_an_outcome_where_no_one_answered(held: dict[str, Any]) -> None:
    page = _post(held, {"outcome": "voicemail", f"q{held['q'][0].pk}": "yes"})
    assert "tap Answered to save them" in page
    _nothing_written(held)


def test_the_error_page_keeps_what_the_caller_ticked(held: dict[str, Any]) -> None:
    page = _post(held, {"outcome": "voicemail", f"q{held['q'][1].pk}": "South"})
    assert 'value="South" checked' in page


def test_the_same_form_sent_twice_records_one_call(held: dict[str, Any]) -> None:
    form = {"outcome": "answered", "round": "0", f"q{held['q'][0].pk}": "yes"}
    first = held["client"].post(outcome_url(held["entry"]), form)
    second = held["client"].post(outcome_url(held["entry"]), form)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert CallAttempt.objects.count() == 1
    assert Answer.objects.count() == 1
    assert HistoryEvent.objects.filter(kind="call").count() == 1
