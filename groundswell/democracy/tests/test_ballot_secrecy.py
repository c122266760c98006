"""Secrecy: nothing stored on a paper links it to a voter, papers are published in an order unrelated
to the order of voting, and a receipt finds the voter's own paper, unchanged, after the close."""

import logging
import uuid

import pytest
from django.db import connection, models
from django.test.utils import CaptureQueriesContext

from groundswell.democracy.actions import cast_vote
from groundswell.democracy.actions.receipts import receipt_hash
from groundswell.democracy.models import Ballot, BallotPaper, Elector
from groundswell.democracy.queries import ResultsNotYet, paper_for_receipt, published_papers

from .ballot_helpers import AFTER, PICK, VOTING, YES_NO, open_ballot

pytestmark = pytest.mark.django_db


def test_a_paper_has_no_column_that_could_link_it_to_a_voter_or_a_time() -> None:
    fields = {f.name: f for f in BallotPaper._meta.get_fields()}
    assert set(fields) == {"id", "ballot", "receipt_hash", "choices"}
    relations = {f.name: f.related_model for f in fields.values() if f.is_relation}
    assert relations == {"ballot": Ballot}
    assert not any(isinstance(f, models.DateField | models.DateTimeField) for f in fields.values())
    assert isinstance(fields["id"], models.UUIDField) and fields["id"].default is uuid.uuid4


def test_the_voted_record_has_no_time_or_reference_to_a_paper() -> None:
    names = {f.name for f in Elector._meta.get_fields()}
    assert names == {"id", "ballot", "person", "voted"}


def test_papers_are_published_in_random_key_order_not_in_voting_order() -> None:
    ballot, people = open_ballot([PICK], 40)
    cast_order = [
        receipt_hash(cast_vote(person, ballot, {1: 1 + i % 3}, VOTING))
        for i, person in enumerate(people)
    ]
    published = [p.receipt_hash for p in published_papers(ballot, AFTER)]
    by_key = sorted(BallotPaper.objects.filter(ballot=ballot), key=lambda paper: paper.id)
    assert published == [paper.receipt_hash for paper in by_key]
    assert sorted(published) == sorted(cast_order)
    # 40 papers come out in voting order by chance with probability 1/40!
    assert published != cast_order


def test_a_voter_finds_their_paper_unchanged_with_their_receipt_after_the_close() -> None:
    ballot, (ada, bea) = open_ballot([YES_NO, PICK], 2)
    code = cast_vote(ada, ballot, {1: "abstain", 2: 2}, VOTING)
    cast_vote(bea, ballot, {1: "yes", 2: 1}, VOTING)
    with pytest.raises(ResultsNotYet):
        paper_for_receipt(ballot, code, VOTING)
    mine = paper_for_receipt(ballot, code.lower().replace("-", " "), AFTER)
    assert mine is not None and mine.choices == {"1": "abstain", "2": 2}
    assert paper_for_receipt(ballot, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA", AFTER) is None


def test_receipts_are_random_not_derived_from_the_voter() -> None:
    ballot, people = open_ballot([YES_NO], 30)
    codes = {cast_vote(p, ballot, {1: "yes"}, VOTING) for p in people}
    assert len(codes) == 30
    assert all(len(code.replace("-", "")) == 24 for code in codes)


def test_a_tampered_receipt_finds_no_paper() -> None:
    ballot, (ada, bea) = open_ballot([YES_NO], 2)
    code = cast_vote(ada, ballot, {1: "yes"}, VOTING)
    cast_vote(bea, ballot, {1: "no"}, VOTING)
    tampered = ("B" if code[0] != "B" else "C") + code[1:]
    assert paper_for_receipt(ballot, tampered, AFTER) is None
    assert paper_for_receipt(ballot, code[:-1], AFTER) is None
    assert paper_for_receipt(ballot, code, AFTER) is not None


def test_no_statement_or_log_line_of_a_vote_names_both_the_voter_and_the_paper(
    caplog: pytest.LogCaptureFixture,
) -> None:
    ballot, (ada,) = open_ballot([YES_NO], 1)
    caplog.set_level(logging.DEBUG)  # with the queries captured, Django logs every statement too
    with CaptureQueriesContext(connection) as queries:
        code = cast_vote(ada, ballot, {1: "yes"}, VOTING)
    paper = BallotPaper.objects.get(ballot=ballot)
    paper_marks = (str(paper.id), paper.id.hex, receipt_hash(code), code)
    lines = [q["sql"] for q in queries.captured_queries] + [r.getMessage() for r in caplog.records]
    writes_paper = [line for line in lines if "ballotpaper" in line.lower()]
    assert writes_paper, "the paper's INSERT was not seen"
    for line in lines:
        names_paper = "ballotpaper" in line.lower() or any(m in line for m in paper_marks)
        names_voter = "elector" in line.lower() or "person" in line.lower()
        assert not (names_paper and names_voter), line
