"""A candidate withdraws; no one else can withdraw them, and not after the ballot is set up."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from freezegun import freeze_time

from groundswell.core.testing import verified_client
from groundswell.selections.actions import stand
from groundswell.selections.models import Nomination

from .helpers import AFTER, DURING, balloted, world

pytestmark = pytest.mark.django_db


def test_a_candidate_withdraws_and_leaves_the_candidates_list() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    client = verified_client(w.members[0])
    with freeze_time(DURING):
        response = client.post(reverse("selections:withdraw", args=[nomination.pk]))
        page = verified_client(w.members[1]).get(
            reverse("selections:detail", args=[w.selection.pk])
        )
    nomination.refresh_from_db()
    assert response.status_code == 302 and nomination.withdrawn_at is not None
    assert escape(str(nomination.candidate)) not in page.content.decode()


def test_it_refuses_anyone_but_the_candidate() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    with freeze_time(DURING):
        verified_client(w.organiser).post(reverse("selections:withdraw", args=[nomination.pk]))
    nomination.refresh_from_db()
    assert nomination.withdrawn_at is None


def test_it_refuses_after_the_ballot_is_set_up() -> None:
    w = world()
    chosen = balloted(w)
    with freeze_time(AFTER):
        response = verified_client(w.members[0]).post(
            reverse("selections:withdraw", args=[chosen[0].pk]), follow=True
        )
    assert b"ballot has been set up" in response.content
    assert not Nomination.objects.filter(withdrawn_at__isnull=False).exists()
