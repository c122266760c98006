"""After the close: real cast votes decide each amendment against the two-thirds threshold, and the
adopted ones produce the consolidated version 2, with every clause's history kept."""

import pytest
from freezegun import freeze_time

from groundswell.accounts.models import Role, User
from groundswell.constitution.actions import (
    ConstitutionError,
    apply_results,
    put_amendments_to_vote,
)
from groundswell.constitution.models import Amendment, ClauseText, Document, Version
from groundswell.constitution.tests.helpers import (
    AFTER_VOTE,
    AFTER_WINDOW,
    FREEZING,
    VOTE_TIMES,
    VOTING,
    clause,
    member,
    national_document,
    seconded,
)
from groundswell.core.testing import make_user, signed_in_client, verified_client
from groundswell.democracy.actions import cast_vote, freeze_electorate

pytestmark = pytest.mark.django_db

# Five voters' answers to questions 1-5 (a column per voter).
VOTES = {1: "yyyyn", 2: "yyynn", 3: "yyaaa", 4: "yyyyy", 5: "yyyyy"}
WORD = {"y": "yes", "n": "no", "a": "abstain"}


def voted_document() -> tuple[Document, User, list[Amendment]]:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    amendments = [
        seconded(document, 3, "replace", "The national committee has eleven members."),
        seconded(document, 2, "delete", ""),  # 3 yes, 2 no: a majority, not two-thirds
        seconded(document, 1, "insert", "Its colours are green and gold."),  # 2 yes, 3 abstain
        seconded(document, 4, "delete", ""),
        seconded(document, 3, "replace", "The national committee has seven members."),  # falls
    ]
    voters = [member() for _ in range(5)]
    ballot = put_amendments_to_vote(organiser, document, VOTE_TIMES, AFTER_WINDOW)
    freeze_electorate(ballot, FREEZING)
    with freeze_time(VOTING):
        for i, voter in enumerate(voters):
            cast_vote(voter, ballot, {q: WORD[v[i]] for q, v in VOTES.items()}, VOTING)
    return document, organiser, amendments


def test_the_two_thirds_threshold_decides_and_a_conflicting_later_amendment_falls() -> None:
    document, organiser, amendments = voted_document()
    with freeze_time(AFTER_VOTE):
        response = verified_client(organiser).post(f"/constitution/{document.pk}/apply/")
    assert response.status_code == 302
    statuses = [Amendment.objects.get(pk=a.pk).status for a in amendments]
    assert statuses == ["adopted", "rejected", "adopted", "adopted", "fell"]
    rows = ClauseText.objects.filter(version__document=document, version__number=2).order_by(
        "number"
    )
    assert [(r.number, r.text, r.amendment_id) for r in rows] == [
        (1, "The movement is called Groundswell.", None),
        (2, "Its colours are green and gold.", amendments[2].pk),
        (3, "Members pay dues each year.", None),
        (4, "The national committee has eleven members.", amendments[0].pk),
    ]  # fmt: skip
    assert rows[3].clause_id == clause(document, 3).pk  # identity kept through renumbering
    assert (
        Version.objects.get(document=document, number=2).ballot
        == Amendment.objects.get(pk=amendments[0].pk).ballot
    )


def test_every_clause_shows_its_history_and_any_version_can_be_read() -> None:
    document, organiser, amendments = voted_document()
    apply_results(organiser, document, AFTER_VOTE)
    client = signed_in_client(make_user(person=member()))
    changed = client.get(f"/constitution/clauses/{clause(document, 3).pk}/")
    deleted = client.get(f"/constitution/clauses/{clause(document, 4).pk}/")
    old = client.get(f"/constitution/{document.pk}/?version=1")
    new = client.get(f"/constitution/{document.pk}/")
    assert "has nine members" in changed.text and "has eleven members" in changed.text
    assert f"amendment {amendments[0].pk}" in changed.text and "Version 2" in changed.text
    assert "Conference meets once a year." in deleted.text
    assert f'deleted by <a href="/constitution/amendments/{amendments[3].pk}/"' in deleted.text
    assert "Conference meets once a year." in old.text and "version 1" in old.text
    assert "Conference meets once a year." not in new.text and "green and gold" in new.text


def test_it_refuses_before_the_close_and_a_second_time_writing_nothing() -> None:
    document, organiser, _ = voted_document()
    with pytest.raises(ConstitutionError, match="not closed yet"):
        apply_results(organiser, document, VOTING)
    assert not Version.objects.filter(number=2).exists()
    assert not Amendment.objects.exclude(status="balloted").exists()
    apply_results(organiser, document, AFTER_VOTE)
    with pytest.raises(ConstitutionError, match="No amendments are waiting"):
        apply_results(organiser, document, AFTER_VOTE)
    assert Version.objects.filter(document=document).count() == 2


def test_a_simple_majority_document_adopts_what_two_thirds_would_reject() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser, threshold="simple")
    amendment = seconded(document, 2, "delete", "")
    voters = [member() for _ in range(5)]
    ballot = put_amendments_to_vote(organiser, document, VOTE_TIMES, AFTER_WINDOW)
    freeze_electorate(ballot, FREEZING)
    with freeze_time(VOTING):
        for answer, voter in zip("yyynn", voters, strict=True):
            cast_vote(voter, ballot, {1: WORD[answer]}, VOTING)
    apply_results(organiser, document, AFTER_VOTE)
    assert Amendment.objects.get(pk=amendment.pk).status == "adopted"
