"""The organiser's ballot page: turnout as counts only, the frozen electorate, freezing, and access."""

import pytest
from django.test import Client
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user, verified_client
from groundswell.democracy.actions import create_ballot
from groundswell.democracy.models import Ballot, Elector
from groundswell.democracy.tests.ballot_helpers import (
    FREEZING,
    PICK,
    TIMES,
    VOTING,
    member,
    national_organiser,
    open_ballot,
)  # fmt: skip
from groundswell.democracy.tests.pages_helpers import vote_all

pytestmark = pytest.mark.django_db


def organiser_client(ballot: Ballot) -> Client:
    return verified_client(ballot.created_by)  # type: ignore[arg-type]


def test_turnout_shows_counts_but_no_choices_nor_who_voted() -> None:
    ballot, people = open_ballot([PICK], voters=3)
    vote_all(ballot, people[:2], [{1: 3}, {1: 3}])
    with freeze_time(VOTING):
        page = organiser_client(ballot).get(f"/ballots/manage/{ballot.pk}/")
    assert page.status_code == 200
    assert '<span class="stat" id="fig-voted">2</span>' in page.text
    assert '<span class="stat" id="fig-electorate">3</span>' in page.text
    assert "Glasgow" not in page.text  # the option everyone chose is not shown anywhere
    assert all(p.full_name in page.text for p in people)  # the electorate list, voters or not


def test_a_member_without_organiser_rights_gets_403() -> None:
    ballot, people = open_ballot([PICK], voters=1)
    client = verified_client(make_user(Role.MEMBER, person=people[0]))
    with freeze_time(VOTING):
        assert client.get(f"/ballots/manage/{ballot.pk}/").status_code == 403
        assert client.post(f"/ballots/manage/{ballot.pk}/freeze/").status_code == 403


def test_the_freeze_button_freezes_the_electorate_once_before_opening() -> None:
    voters = [member(), member()]
    ballot = create_ballot(national_organiser(), "Autumn ballot", TIMES, [PICK])
    client = organiser_client(ballot)
    with freeze_time(FREEZING):
        before = client.get(f"/ballots/manage/{ballot.pk}/")
        client.post(f"/ballots/manage/{ballot.pk}/freeze/")
        again = client.post(f"/ballots/manage/{ballot.pk}/freeze/", follow=True)
    assert "Freeze the electorate" in before.text
    assert set(Elector.objects.filter(ballot=ballot).values_list("person_id", flat=True)) >= {
        v.pk for v in voters
    }
    assert "already frozen" in again.text and "Freeze the electorate" not in again.text
