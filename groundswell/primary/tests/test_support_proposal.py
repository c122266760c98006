"""Supporting a proposal: once per member (the database enforces it), in the window, never one's own,
and counts only: who supports what is never shown to other members."""

import pytest
from django.db import IntegrityError, transaction
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client
from groundswell.primary.actions import PrimaryError, support_proposal
from groundswell.primary.models import Support

from .helpers import AFTER, BEFORE, DURING, propose, world

pytestmark = pytest.mark.django_db


def _support(user, proposal, withdraw=False):  # type: ignore[no-untyped-def]
    data = {"withdraw": "1"} if withdraw else {}
    return signed_in_client(user).post(
        reverse("primary:support", args=[proposal.pk]), data, follow=True
    )


def test_a_member_supports_then_withdraws() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    with freeze_time(DURING):
        page = _support(w.members[1], proposal).content.decode()
        assert "You support this proposal." in page
        assert Support.objects.filter(proposal=proposal, person=w.members[1].person).exists()
        page = _support(w.members[1], proposal, withdraw=True).content.decode()
    assert "Support withdrawn." in page and not Support.objects.exists()


def test_supporting_twice_is_refused_and_counted_once() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    with freeze_time(DURING):
        _support(w.members[1], proposal)
        page = _support(w.members[1], proposal).content.decode()
    assert "You already support this proposal." in page
    assert Support.objects.count() == 1


def test_the_database_itself_refuses_a_second_support_row() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    backer = support_proposal(w.members[1], proposal, DURING).person
    with pytest.raises(IntegrityError), transaction.atomic():
        Support.objects.create(proposal=proposal, person=backer, created_at=DURING)


def test_an_author_cannot_support_their_own_proposal() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    with freeze_time(DURING):
        page = _support(w.members[0], proposal).content.decode()
    assert "You cannot support your own proposal." in page
    assert not Support.objects.exists()


@pytest.mark.parametrize("moment", [BEFORE, AFTER])
def test_it_refuses_support_outside_the_window(moment) -> None:  # type: ignore[no-untyped-def]
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    with freeze_time(moment):
        page = _support(w.members[1], proposal).content.decode()
    assert "The submission window is not open." in page
    assert not Support.objects.exists()


def test_a_member_of_another_group_is_refused_and_nothing_is_written() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    with freeze_time(DURING):
        response = signed_in_client(w.outsider).post(reverse("primary:support", args=[proposal.pk]))
    assert response.status_code == 404
    with pytest.raises(PrimaryError):
        support_proposal(w.outsider, proposal, DURING)
    assert not Support.objects.exists()


def test_supporters_are_counted_but_never_named_to_other_members() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    support_proposal(w.members[1], proposal, DURING)
    backer = w.members[1].person
    assert backer is not None
    for viewer in (w.members[2], w.members[0]):
        with freeze_time(DURING):
            client = signed_in_client(viewer)
            pages = [client.get(reverse("primary:proposal", args=[proposal.pk])).content.decode(),
                     client.get(reverse("primary:detail", args=[w.primary.pk])).content.decode()]  # fmt: skip
        for page in pages:
            assert backer.family_name not in page
            assert "1 supporter" in page or '<span class="support-count">1</span>' in page
