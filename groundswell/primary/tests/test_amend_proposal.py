"""Amending a proposal from its page: its authors only, until shortlisting, keeping every version."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client
from groundswell.primary.models import ProposalVersion

from .helpers import AFTER, DURING, propose, shortlisted, world

pytestmark = pytest.mark.django_db

NEW = {"title": "Water for all", "category": "Climate", "text": "Amended text."}


def test_the_author_amends_and_the_history_shows_both_versions() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    client = signed_in_client(w.members[0])
    with freeze_time(AFTER):  # after the window closes, still before shortlisting
        response = client.post(reverse("primary:proposal", args=[proposal.pk]), NEW)
        assert response.status_code == 302
        page = client.get(reverse("primary:proposal", args=[proposal.pk])).content.decode()
    proposal.refresh_from_db()
    assert (proposal.title, proposal.category, proposal.text) == (
        "Water for all",
        "Climate",
        "Amended text.",
    )
    assert list(proposal.versions.values_list("number", "title")) == [
        (1, "Water"),
        (2, "Water for all"),
    ]
    assert "Version 1" in page and "The text of Water." in page and "Version 2" in page


def test_a_member_who_is_not_the_author_cannot_see_the_form_or_amend() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    client = signed_in_client(w.members[1])
    with freeze_time(DURING):
        assert (
            "Amend your proposal"
            not in client.get(reverse("primary:proposal", args=[proposal.pk])).content.decode()
        )
        response = client.post(reverse("primary:proposal", args=[proposal.pk]), NEW)
    assert response.status_code == 400
    assert "Only the proposal&#x27;s authors can amend it." in response.content.decode()
    assert ProposalVersion.objects.count() == 1


def test_it_refuses_an_amendment_after_shortlisting() -> None:
    w = world()
    alpha, *_ = shortlisted(w)
    with freeze_time(AFTER):
        response = signed_in_client(w.members[0]).post(
            reverse("primary:proposal", args=[alpha.pk]), NEW
        )
    assert response.status_code == 400
    assert "The shortlist has been drawn up" in response.content.decode()
    alpha.refresh_from_db()
    assert alpha.title == "Alpha" and alpha.versions.count() == 1


@pytest.mark.parametrize(
    "bad",
    [{**NEW, "title": ""}, {**NEW, "category": "Nope"}, {**NEW, "text": "x" * 20_001},
     {"title": "Water", "category": "Economy", "text": "The text of Water."}],  # unchanged
)  # fmt: skip
def test_bad_input_writes_nothing(bad) -> None:  # type: ignore[no-untyped-def]
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    with freeze_time(DURING):
        response = signed_in_client(w.members[0]).post(
            reverse("primary:proposal", args=[proposal.pk]), bad
        )
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    proposal.refresh_from_db()
    assert proposal.title == "Water" and proposal.versions.count() == 1
