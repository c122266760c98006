"""Nominating another member's nomination: eligible members, once each, never their own."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import verified_client
from groundswell.selections.actions import stand
from groundswell.selections.models import Nominator

from .helpers import AFTER, DURING, world

pytestmark = pytest.mark.django_db


def _post(user, nomination):  # type: ignore[no-untyped-def]
    url = reverse("selections:nominate", args=[nomination.pk])
    return verified_client(user).post(url, follow=True)


def test_a_member_nominates_another_members_nomination() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    with freeze_time(DURING):
        response = _post(w.members[1], nomination)
    assert b"You nominated" in response.content
    assert list(nomination.nominators.values_list("person", flat=True)) == [w.members[1].person_id]


def test_it_refuses_nominating_yourself() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    with freeze_time(DURING):
        response = _post(w.members[0], nomination)
    assert b"cannot nominate yourself" in response.content
    assert not Nominator.objects.exists()


def test_it_refuses_a_second_nomination_by_the_same_member() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    with freeze_time(DURING):
        _post(w.members[1], nomination)
        response = _post(w.members[1], nomination)
    assert b"already nominated" in response.content
    assert Nominator.objects.count() == 1


def test_the_database_enforces_one_nomination_each() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    backer = w.members[1].person
    assert backer is not None
    Nominator.objects.create(nomination=nomination, person=backer, created_at=DURING)
    with pytest.raises(IntegrityError), transaction.atomic():
        Nominator.objects.create(nomination=nomination, person=backer, created_at=DURING)
    assert Nominator.objects.count() == 1


def test_it_refuses_nominating_after_the_window() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    with freeze_time(AFTER):
        response = _post(w.members[1], nomination)
    assert b"Nominations have closed" in response.content
    assert not Nominator.objects.exists()


def test_it_refuses_a_member_of_another_group() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    with freeze_time(DURING):
        response = verified_client(w.outsider).post(
            reverse("selections:nominate", args=[nomination.pk])
        )
    assert response.status_code == 404
    assert not Nominator.objects.exists()


def test_it_refuses_nominating_a_withdrawn_candidate() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    nomination.withdrawn_at = DURING
    nomination.save()
    with freeze_time(DURING):
        response = verified_client(w.members[1]).post(
            reverse("selections:nominate", args=[nomination.pk])
        )
    assert response.status_code == 403  # withdrawn: hidden from other members
    assert not Nominator.objects.exists()
