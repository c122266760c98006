"""After the close: checking a receipt, the papers (and their BLT export) and the results; refused before."""

import re
from typing import Any

import pytest
from freezegun import freeze_time

from groundswell.democracy.counting import count, parse_blt
from groundswell.democracy.models import BallotResult
from groundswell.democracy.tests.ballot_helpers import AFTER, PICK, VOTING, YES_NO, open_ballot
from groundswell.democracy.tests.pages_helpers import RANKED, STV, elector_client, vote_all

pytestmark = pytest.mark.django_db

PAGES = ("results/", "papers/", "papers.blt", "check/")


def test_results_and_papers_are_refused_before_the_close() -> None:
    ballot, people = open_ballot([YES_NO, RANKED], voters=2)
    vote_all(ballot, people, [{1: "yes", 2: [1, 2]}, {1: "no", 2: [2]}])
    client = elector_client(people[0])
    with freeze_time(VOTING):
        responses = [client.get(f"/ballots/{ballot.pk}/{page}") for page in PAGES]
    assert [r.status_code for r in responses] == [403] * len(PAGES)
    assert all("published after the close" in r.text for r in responses)
    assert not BallotResult.objects.exists()  # nothing counted early


def test_a_receipt_from_the_vote_page_is_verifiable_after_the_close() -> None:
    ballot, (voter, other) = open_ballot([YES_NO, PICK], voters=2)
    client = elector_client(voter)
    with freeze_time(VOTING):
        cast = client.post(f"/ballots/{ballot.pk}/", {"q1": "abstain", "q2": "3"})
    vote_all(ballot, [other], [{1: "yes", 2: 1}])
    code = re.search(r"[A-Z2-7]{4}(?:-[A-Z2-7]{4}){5}", cast.text)
    assert code is not None
    with freeze_time(AFTER):
        found = client.post(f"/ballots/{ballot.pk}/check/", {"code": code[0].lower()})
        wrong = client.post(f"/ballots/{ballot.pk}/check/", {"code": "AAAA-BBBB"})
    assert "Your paper is in the published list" in found.text
    assert "Abstain" in found.text and "Glasgow" in found.text and "Leeds" not in found.text
    assert "No published paper carries that code" in wrong.text


def test_the_papers_list_shows_every_paper_in_words_and_pages() -> None:
    ballot, people = open_ballot([PICK], voters=3)
    vote_all(ballot, people, [{1: 1}, {1: 2}, {1: 2}])
    with freeze_time(AFTER):
        page = elector_client(people[0]).get(f"/ballots/{ballot.pk}/papers/")
    assert "3 papers" in page.text
    assert page.text.count("<td>Cardiff</td>") == 2 and page.text.count("<td>Leeds</td>") == 1


def test_results_show_the_outcome_of_each_kind_of_question_and_the_seed() -> None:
    ballot, people = open_ballot([YES_NO, PICK, STV], voters=5)
    answers = [{1: "yes", 2: 1, 3: [1, 2]}, {1: "yes", 2: 1, 3: [1, 3]}, {1: "no", 2: 2, 3: [2]},
               {1: "abstain", 2: 1, 3: [3, 1]}, {1: "yes", 2: 3, 3: [4, 2]}]  # fmt: skip
    vote_all(ballot, people, answers)
    with freeze_time(AFTER):
        page = elector_client(people[0]).get(f"/ballots/{ballot.pk}/results/")
    seed = BallotResult.objects.get(ballot=ballot).seed
    assert page.status_code == 200 and f"--seed {seed}" in page.text
    assert "Passed" in page.text and "Most votes:</strong> Leeds" in page.text
    assert "Elected:</strong> Dee" in page.text and "Stage 1" in page.text
    assert re.search(r"\d+\.\d{5}", page.text)  # Scottish STV figures to five places
    assert 'class="bar-fill elected"' in page.text and "Non-transferable" in page.text


@pytest.mark.parametrize(("spec", "rule"), [(RANKED, "irv"), (STV, "scottish")])
def test_the_blt_export_recounts_to_the_same_winners(spec: object, rule: str) -> None:
    ballot, people = open_ballot([spec], voters=6)  # type: ignore[list-item]
    rankings = [[1, 2], [1, 3], [2, 1], [2, 3], [3, 2], [2]]
    vote_all(ballot, people, [{1: r} for r in rankings])
    client = elector_client(people[0])
    with freeze_time(AFTER):
        blt = client.get(f"/ballots/{ballot.pk}/papers.blt?question=1")
        page = client.get(f"/ballots/{ballot.pk}/results/")
    election = parse_blt(blt.content.decode())
    assert sum(b.weight for b in election.ballots) == 6
    seed = BallotResult.objects.get(ballot=ballot).seed
    recount = count(election, rule, seed)
    winners = ", ".join(recount.name(c) for c in recount.elected)
    assert f"Elected:</strong> {winners}" in page.text


def test_the_papers_page_queries_do_not_grow_with_the_papers(
    django_assert_max_num_queries: Any,
) -> None:
    ballot, people = open_ballot([PICK, RANKED], voters=40)
    vote_all(ballot, people, [{1: 1 + i % 3, 2: [1 + i % 3]} for i in range(40)])
    client = elector_client(people[0])
    with freeze_time(AFTER), django_assert_max_num_queries(12):
        page = client.get(f"/ballots/{ballot.pk}/papers/")
    assert "40 papers" in page.text
