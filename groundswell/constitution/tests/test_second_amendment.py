"""Seconding through the amendment page: once each, never one's own, inside the window; the
database itself refuses a second seconding by the same member."""

import pytest
from django.db import IntegrityError, transaction
from freezegun import freeze_time

from groundswell.constitution.actions import propose_amendment
from groundswell.constitution.models import Amendment, Seconding
from groundswell.constitution.tests.helpers import (
    AFTER_WINDOW,
    DURING,
    clause,
    member_user,
    national_document,
)
from groundswell.core.testing import make_user, signed_in_client
from groundswell.democracy.tests.ballot_helpers import member

pytestmark = pytest.mark.django_db


def proposed() -> tuple[Amendment, object]:
    proposer = member_user()
    amendment = propose_amendment(
        proposer.person, clause(national_document(), 2), "delete", "", "Why not.", DURING
    )
    return amendment, proposer


def second_url(amendment: Amendment) -> str:
    return f"/constitution/amendments/{amendment.pk}/second/"


def test_a_member_seconds_once_and_sees_the_count_go_up() -> None:
    amendment, _ = proposed()
    client = signed_in_client(member_user())
    with freeze_time(DURING):
        assert client.post(second_url(amendment)).status_code == 302
        page = client.get(f"/constitution/amendments/{amendment.pk}/")
        again = client.post(second_url(amendment))
    assert "1 of 2 seconders" in page.text and "You have seconded" in page.text
    assert again.status_code == 400 and "already seconded" in again.text
    assert Seconding.objects.count() == 1


def test_it_refuses_the_proposer_seconding_their_own_amendment() -> None:
    amendment, proposer = proposed()
    with freeze_time(DURING):
        response = signed_in_client(proposer).post(second_url(amendment))  # type: ignore[arg-type]
    assert response.status_code == 400 and "another member must second it" in response.text
    assert not Seconding.objects.exists()


def test_it_refuses_seconding_after_the_window_and_by_a_non_member() -> None:
    amendment, _ = proposed()
    with freeze_time(AFTER_WINDOW):
        late = signed_in_client(member_user()).post(second_url(amendment))
    with freeze_time(DURING):
        outsider = make_user(person=member(status="lapsed"))
        refused = signed_in_client(outsider).post(second_url(amendment))
    assert late.status_code == 400 and "window is closed" in late.text
    assert refused.status_code == 400 and "Only members who may amend" in refused.text
    assert not Seconding.objects.exists()


def test_the_database_refuses_a_double_second() -> None:
    amendment, _ = proposed()
    person = member()
    Seconding.objects.create(amendment=amendment, person=person, seconded_at=DURING)
    with pytest.raises(IntegrityError), transaction.atomic():
        Seconding.objects.create(amendment=amendment, person=person, seconded_at=DURING)
    assert Seconding.objects.count() == 1


def test_seconding_needs_a_post_and_a_signed_in_member() -> None:
    amendment, _ = proposed()
    with freeze_time(DURING):
        assert signed_in_client(member_user()).get(second_url(amendment)).status_code == 405
        anonymous = signed_in_client(member_user())
        anonymous.logout()
        assert anonymous.post(second_url(amendment)).status_code == 302  # to sign in
    assert not Seconding.objects.exists()
