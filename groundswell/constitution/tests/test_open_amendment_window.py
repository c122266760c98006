"""Opening the next round: a new amendment window once the last round is decided, so members amend
the consolidated version; refused while amendments are pending, and to anyone but organisers."""

import pytest
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.constitution.actions import (
    apply_results,
    propose_amendment,
    put_amendments_to_vote,
)
from groundswell.constitution.models import Document
from groundswell.constitution.tests.helpers import (
    AFTER_VOTE,
    AFTER_WINDOW,
    FREEZING,
    VOTE_TIMES,
    VOTING,
    clause,
    member,
    member_user,
    national_document,
    seconded,
)
from groundswell.core.testing import make_user, verified_client
from groundswell.democracy.actions import cast_vote, freeze_electorate

pytestmark = pytest.mark.django_db

WINDOW = {"amendments_open": "2026-03-20T09:00", "amendments_close": "2026-04-01T09:00"}


def test_after_the_result_an_organiser_opens_a_round_on_the_new_version() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    seconded(document, 2, "delete", "")
    voter = member()
    ballot = put_amendments_to_vote(organiser, document, VOTE_TIMES, AFTER_WINDOW)
    freeze_electorate(ballot, FREEZING)
    with freeze_time(VOTING):
        cast_vote(voter, ballot, {1: "yes"}, VOTING)
    apply_results(organiser, document, AFTER_VOTE)
    with freeze_time(AFTER_VOTE):
        response = verified_client(organiser).post(f"/constitution/{document.pk}/window/", WINDOW)
    assert response.status_code == 302
    document.refresh_from_db()
    amendment = propose_amendment(voter, clause(document, 3), "delete", "", "Tidy.",
                                  document.amendments_open)  # fmt: skip
    assert amendment.version.number == 2


def test_it_refuses_while_amendments_are_pending_or_to_a_member_and_writes_nothing() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    seconded(document, 2, "delete", "")
    before = Document.objects.values_list("amendments_open", "amendments_close").get()
    with freeze_time(AFTER_WINDOW):
        pending = verified_client(organiser).post(f"/constitution/{document.pk}/window/", WINDOW)
        plain = verified_client(member_user()).post(f"/constitution/{document.pk}/window/", WINDOW)
        bad = verified_client(organiser).post(
            f"/constitution/{document.pk}/window/",
            WINDOW | {"amendments_close": "2026-03-01T09:00"},
        )
    assert pending.status_code == 400 and "apply the result first" in pending.text
    assert plain.status_code == 403
    assert bad.status_code == 400 and "message-error" in bad.text
    assert Document.objects.values_list("amendments_open", "amendments_close").get() == before
