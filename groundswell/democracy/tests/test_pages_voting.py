"""The ballot page: voting once through the form, the receipt shown once, refusals, and 404s."""

import re

import pytest
from freezegun import freeze_time

from groundswell.democracy.models import BallotPaper, Elector
from groundswell.democracy.tests.ballot_helpers import (
    AFTER,
    PICK,
    VOTING,
    YES_NO,
    member,
    open_ballot,
)
from groundswell.democracy.tests.pages_helpers import RANKED, elector_client

pytestmark = pytest.mark.django_db

CODE = re.compile(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}")


def test_a_member_votes_once_and_a_second_attempt_is_refused() -> None:
    ballot, (voter,) = open_ballot([YES_NO, PICK], voters=1)
    client = elector_client(voter)
    url = f"/ballots/{ballot.pk}/"
    with freeze_time(VOTING):
        form = client.get(url)
        assert 'name="q1"' in form.text and 'value="abstain"' in form.text
        first = client.post(url, {"q1": "yes", "q2": "2"})
        second = client.post(url, {"q1": "no", "q2": "1"})
    assert first.status_code == 200 and CODE.search(first.text)
    assert second.status_code == 400
    assert "already voted" in second.text and not CODE.search(second.text)
    assert [p.choices for p in BallotPaper.objects.filter(ballot=ballot)] == [{"1": "yes", "2": 2}]


def test_the_receipt_is_shown_once_and_not_on_the_page_afterwards() -> None:
    ballot, (voter,) = open_ballot([YES_NO], voters=1)
    client = elector_client(voter)
    with freeze_time(VOTING):
        cast = client.post(f"/ballots/{ballot.pk}/", {"q1": "no"})
        code = CODE.search(cast.text)
        later = client.get(f"/ballots/{ballot.pk}/")
    assert code is not None and "shown only this once" in cast.text
    assert code[0] not in later.text and "You have voted" in later.text
    assert "no-store" in cast.headers.get("Cache-Control", "")


def test_a_ranked_question_has_one_select_per_rank() -> None:
    ballot, (voter,) = open_ballot([RANKED], voters=1)
    with freeze_time(VOTING):
        page = elector_client(voter).get(f"/ballots/{ballot.pk}/")
    assert [f"q1_{r}" for r in (1, 2, 3)] == re.findall(r'<select name="(q1_\d)"', page.text)
    assert "1st choice" in page.text and "3rd choice" in page.text


@pytest.mark.parametrize(
    ("ranks", "message"),
    [
        ({"q1_1": "2", "q1_2": "2"}, "at most once"),
        ({"q1_1": "1", "q1_3": "2"}, "no gaps"),
        ({}, "at least one"),
    ],
)
def test_bad_rankings_are_refused_and_nothing_is_written(
    ranks: dict[str, str], message: str
) -> None:
    ballot, (voter,) = open_ballot([RANKED], voters=1)
    with freeze_time(VOTING):
        response = elector_client(voter).post(f"/ballots/{ballot.pk}/", ranks)
    assert response.status_code == 400 and message in response.text
    assert not BallotPaper.objects.filter(ballot=ballot).exists()
    assert not Elector.objects.get(ballot=ballot, person=voter).voted


def test_a_good_ranking_is_stored_in_order() -> None:
    ballot, (voter,) = open_ballot([RANKED], voters=1)
    with freeze_time(VOTING):
        elector_client(voter).post(f"/ballots/{ballot.pk}/", {"q1_1": "3", "q1_2": "1"})
    assert BallotPaper.objects.get(ballot=ballot).choices == {"1": [3, 1]}


def test_someone_not_on_the_electorate_gets_404_for_page_and_vote() -> None:
    ballot, _ = open_ballot([YES_NO], voters=1)
    outsider = elector_client(member())
    with freeze_time(VOTING):
        assert outsider.get(f"/ballots/{ballot.pk}/").status_code == 404
        assert outsider.post(f"/ballots/{ballot.pk}/", {"q1": "yes"}).status_code == 404
    with freeze_time(AFTER):
        assert outsider.get(f"/ballots/{ballot.pk}/results/").status_code == 404
    assert not BallotPaper.objects.exists()


def test_a_vote_after_the_close_is_refused() -> None:
    ballot, (voter,) = open_ballot([YES_NO], voters=1)
    with freeze_time(AFTER):
        response = elector_client(voter).post(f"/ballots/{ballot.pk}/", {"q1": "yes"})
    assert "results" in response.text.lower() and 'name="q1"' not in response.text
    assert not BallotPaper.objects.exists()
