"""My ballots: the ballots a member may vote in, their status, and whether they voted."""

import pytest
from freezegun import freeze_time

from groundswell.core.testing import make_user, signed_in_client
from groundswell.democracy.tests.ballot_helpers import PICK, VOTING, YES_NO, member, open_ballot
from groundswell.democracy.tests.pages_helpers import elector_client, vote_all

pytestmark = pytest.mark.django_db


def test_it_lists_my_ballots_with_their_status_and_whether_i_voted() -> None:
    ballot, (voter,) = open_ballot([YES_NO], voters=1)
    vote_all(ballot, [voter], [{1: "yes"}])
    with freeze_time(VOTING):
        page = elector_client(voter).get("/ballots/")
    assert f'href="/ballots/{ballot.pk}/"' in page.text
    assert "Open until" in page.text and "You voted" in page.text


def test_it_leaves_out_ballots_i_am_not_on() -> None:
    ballot, _ = open_ballot([PICK], voters=1)
    with freeze_time(VOTING):
        page = elector_client(member()).get("/ballots/")
    assert f"/ballots/{ballot.pk}/" not in page.text and "no ballots for you" in page.text


def test_an_unconfirmed_account_is_asked_to_confirm_first() -> None:
    ballot, (voter,) = open_ballot([PICK], voters=1)
    user = make_user(person=voter)
    user.email_confirmed_at = None  # signed up with an existing record's address, not yet proved
    user.save(update_fields=["email_confirmed_at"])
    page = signed_in_client(user).get("/ballots/")
    assert "not linked" in page.text and f"/ballots/{ballot.pk}/" not in page.text
