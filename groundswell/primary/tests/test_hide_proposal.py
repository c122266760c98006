"""Moderation: an organiser hides a proposal with a reason; its author sees it and why, nobody else
sees it at all; only the primary's organisers may hide."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client, verified_client
from groundswell.primary.models import Proposal

from .helpers import DURING, propose, world

pytestmark = pytest.mark.django_db

REASON = "Personal attack on a named councillor"


def _hide(client, w, proposal, reason=REASON):  # type: ignore[no-untyped-def]
    url = reverse("primary:hide", args=[w.primary.pk, proposal.pk])
    return client.post(url, {"reason": reason}, follow=True)


def test_hiding_shows_the_reason_to_the_author_only() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Rude one")
    with freeze_time(DURING):
        _hide(verified_client(w.organiser), w, proposal)
        author = signed_in_client(w.members[0])
        other = signed_in_client(w.members[1])
        own_list = author.get(reverse("primary:detail", args=[w.primary.pk])).content.decode()
        own_page = author.get(reverse("primary:proposal", args=[proposal.pk])).content.decode()
        others_list = other.get(reverse("primary:detail", args=[w.primary.pk])).content.decode()
        others_page = other.get(reverse("primary:proposal", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.HIDDEN and proposal.hidden_reason == REASON
    assert REASON in own_list and REASON in own_page and "Hidden" in own_list
    assert "Rude one" not in others_list and REASON not in others_list
    assert others_page.status_code == 404


@pytest.mark.parametrize("who", ["member", "other_organiser", "author"])
def test_it_refuses_anyone_but_the_primarys_organisers(who) -> None:  # type: ignore[no-untyped-def]
    w = world()
    proposal = propose(w.members[0], w.primary, "Fine one")
    user = {"member": w.members[1], "other_organiser": w.other_organiser, "author": w.members[0]}[
        who
    ]
    with freeze_time(DURING):
        response = _hide(verified_client(user), w, proposal)
    assert response.status_code in (403, 404)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.OPEN and proposal.hidden_reason == ""


@pytest.mark.parametrize("reason", ["", "   ", "x" * 2001])
def test_a_missing_or_overlong_reason_writes_nothing(reason) -> None:  # type: ignore[no-untyped-def]
    w = world()
    proposal = propose(w.members[0], w.primary, "Fine one")
    with freeze_time(DURING):
        page = _hide(verified_client(w.organiser), w, proposal, reason).content.decode()
    assert "Give the author a reason" in page
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.OPEN
