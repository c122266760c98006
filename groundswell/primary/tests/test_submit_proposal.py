"""Submitting a proposal through the primary page: eligible members, inside the window, valid input."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client
from groundswell.primary.models import Proposal, ProposalVersion

from .helpers import AFTER, BEFORE, DURING, world

pytestmark = pytest.mark.django_db

GOOD = {"title": "Public ownership of water", "category": "Economy", "text": "Bring water home."}


def _post(user, primary, data):  # type: ignore[no-untyped-def]
    return signed_in_client(user).post(reverse("primary:submit", args=[primary.pk]), data)


def test_a_member_submits_a_proposal_with_its_first_version() -> None:
    w = world()
    with freeze_time(DURING):
        response = _post(w.members[0], w.primary, GOOD)
    proposal = Proposal.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(
        f"/proposal/{proposal.pk}/"
    )
    assert (proposal.title, proposal.category, proposal.author_id) == (
        GOOD["title"], "Economy", w.members[0].person_id,
    )  # fmt: skip
    assert list(proposal.versions.values_list("number", "text")) == [(1, "Bring water home.")]


@pytest.mark.parametrize("moment", [BEFORE, AFTER])
def test_it_refuses_a_submission_outside_the_window(moment) -> None:  # type: ignore[no-untyped-def]
    w = world()
    with freeze_time(moment):
        response = _post(w.members[0], w.primary, GOOD)
    assert response.status_code == 400
    assert "The submission window is not open." in response.content.decode()
    assert not Proposal.objects.exists() and not ProposalVersion.objects.exists()


def test_it_refuses_a_member_of_another_group() -> None:
    w = world()
    with freeze_time(DURING):
        response = _post(w.outsider, w.primary, GOOD)
    assert response.status_code == 404  # the primary does not exist for them
    assert not Proposal.objects.exists()


def test_it_refuses_a_supporter_of_a_national_primary() -> None:
    from groundswell.accounts.models import Role
    from groundswell.core.testing import make_user
    from groundswell.primary.actions import PrimaryError, create_primary, submit_proposal

    from .helpers import person, spec

    national = make_user(Role.NATIONAL_ORGANISER)
    primary = create_primary(national, spec())
    supporter = make_user(person=person(status="supporter"))
    with pytest.raises(PrimaryError, match="Only members eligible"):
        submit_proposal(supporter, primary, "T", "Text", "Economy", DURING)
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [
        {**GOOD, "title": ""},
        {**GOOD, "title": "x" * 201},
        {**GOOD, "text": "   "},
        {**GOOD, "category": "Not a category"},
        {**GOOD, "category": "<script>alert(1)</script>"},
        {"title": ["a", "b"]},
        {},
    ],
)
def test_bad_input_writes_nothing(bad) -> None:  # type: ignore[no-untyped-def]
    w = world()
    with freeze_time(DURING):
        response = _post(w.members[0], w.primary, bad)
    assert response.status_code == 400
    assert "errorlist" in response.content.decode()
    assert not Proposal.objects.exists()
