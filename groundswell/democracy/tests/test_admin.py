"""Ballots in the Django admin: staff can look and mend a title, but cannot touch ballot papers, add
electors or change questions, and the times stop moving once the electorate is frozen."""

from datetime import timedelta
from typing import Any

import pytest
from django.contrib import admin
from django.test import Client

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user, verified_client
from groundswell.democracy.actions import create_ballot
from groundswell.democracy.models import Ballot, BallotPaper, Elector
from groundswell.democracy.tests.ballot_helpers import (
    PICK,
    TIMES,
    national_organiser,
    open_ballot,
)  # fmt: skip
from groundswell.democracy.tests.pages_helpers import vote_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    return verified_client(make_user(Role.ADMIN))


def change_form(b: Ballot, **changes: Any) -> dict[str, Any]:
    """What the ballot's change form posts, with `changes` applied (times in UK time, as typed)."""
    data: dict[str, Any] = {
        "title": b.title,
        "description": b.description,
        "cut_off_0": "2026-03-01", "cut_off_1": "12:00:00",
        "opens_at_0": "2026-03-03", "opens_at_1": "12:00:00",
        "closes_at_0": "2026-03-10", "closes_at_1": "12:00:00",
        "questions-TOTAL_FORMS": "1", "questions-INITIAL_FORMS": "1",
        "questions-MIN_NUM_FORMS": "0", "questions-MAX_NUM_FORMS": "1000",
        "questions-0-id": str(b.questions.get().pk), "questions-0-ballot": str(b.pk),
    }  # fmt: skip
    data.update(changes)
    return data


def test_ballot_papers_are_not_in_the_admin_at_all(staff: Client) -> None:
    ballot, people = open_ballot([PICK], voters=1)
    vote_all(ballot, people, [{1: 2}])
    paper = BallotPaper.objects.get()
    assert not admin.site.is_registered(BallotPaper)
    base = f"/admin/democracy/ballotpaper/{paper.pk}"
    assert staff.get("/admin/democracy/ballotpaper/").status_code == 404
    assert staff.post(f"{base}/change/", {"choices": '{"1": 3}'}).status_code == 404
    assert staff.post(f"{base}/delete/", {"post": "yes"}).status_code == 404
    paper.refresh_from_db()
    assert paper.choices == {"1": 2}


def test_staff_see_a_ballot_with_its_questions_but_cannot_add_one(staff: Client) -> None:
    ballot, _ = open_ballot([PICK], voters=1)
    page = staff.get(f"/admin/democracy/ballot/{ballot.pk}/change/")
    assert page.status_code == 200
    assert "Conference venue" in page.text
    assert staff.get("/admin/democracy/ballot/add/").status_code == 403
    assert (
        staff.post(f"/admin/democracy/ballot/{ballot.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert Ballot.objects.filter(pk=ballot.pk).exists()


def test_questions_and_options_cannot_be_changed(staff: Client) -> None:
    ballot, _ = open_ballot([PICK], voters=1)
    question = ballot.questions.get()
    url = f"/admin/democracy/question/{question.pk}/change/"
    assert "Glasgow" in staff.get(url).text
    response = staff.post(url, {"text": "Changed", "method": "approval"})
    assert response.status_code == 403
    question.refresh_from_db()
    assert (question.text, question.method) == ("Conference venue", "choose_one")


def test_electors_are_listed_without_whether_they_voted_and_cannot_be_added(staff: Client) -> None:
    ballot, people = open_ballot([PICK], voters=2)
    vote_all(ballot, people[:1], [{1: 1}])
    page = staff.get("/admin/democracy/elector/")
    assert page.status_code == 200
    assert "voted" not in page.text.lower().replace("not voted", "")
    assert staff.get("/admin/democracy/elector/add/").status_code == 403
    entry = Elector.objects.get(person=people[1])
    staff.post(f"/admin/democracy/elector/{entry.pk}/change/", {"voted": "on"})
    entry.refresh_from_db()
    assert not entry.voted


def test_the_title_can_be_mended_but_frozen_times_do_not_move(staff: Client) -> None:
    ballot, _ = open_ballot([PICK], voters=1)
    url = f"/admin/democracy/ballot/{ballot.pk}/change/"
    response = staff.post(
        url, change_form(ballot, title="Spring ballot 2026", opens_at_0="2026-03-05")
    )
    assert response.status_code == 302
    ballot.refresh_from_db()
    assert ballot.title == "Spring ballot 2026"
    assert ballot.opens_at == TIMES.opens_at


def test_an_unfrozen_ballots_opening_can_be_moved_later(staff: Client) -> None:
    ballot = create_ballot(national_organiser(), "Forgotten", TIMES, [PICK])
    url = f"/admin/democracy/ballot/{ballot.pk}/change/"
    response = staff.post(url, change_form(ballot, opens_at_0="2026-03-05"))
    assert response.status_code == 302
    ballot.refresh_from_db()
    assert ballot.opens_at == TIMES.opens_at + timedelta(days=2)
    backwards = staff.post(
        url, change_form(ballot, opens_at_0="2026-03-05", closes_at_0="2026-03-04")
    )
    assert backwards.status_code == 200  # refused by the times-in-order constraint
    ballot.refresh_from_db()
    assert ballot.closes_at == TIMES.closes_at


def test_people_without_staff_rights_are_kept_out(staff: Client) -> None:
    ballot, _ = open_ballot([PICK], voters=1)
    organiser = verified_client(ballot.created_by)  # type: ignore[arg-type]
    assert organiser.get(f"/admin/democracy/ballot/{ballot.pk}/change/").status_code == 302
