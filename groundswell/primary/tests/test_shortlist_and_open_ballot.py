"""Shortlisting after the window: proposals reaching the threshold (a number, or a percentage of
eligible members) go onto a ballot in a recorded order; everything or nothing is written."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import verified_client
from groundswell.democracy.models import Ballot, Option
from groundswell.primary.models import Primary, Proposal

from .helpers import AFTER, BALLOT, DURING, back, propose, world

pytestmark = pytest.mark.django_db

FMT = "%Y-%m-%dT%H:%M"
TIMES = {"cut_off": BALLOT.cut_off.strftime(FMT), "opens_at": BALLOT.opens_at.strftime(FMT),
         "closes_at": BALLOT.closes_at.strftime(FMT)}  # fmt: skip


def _shortlist(w, user=None, data=TIMES, at=AFTER):  # type: ignore[no-untyped-def]
    with freeze_time(at):
        client = verified_client(user or w.organiser)
        return client.post(reverse("primary:shortlist", args=[w.primary.pk]), data)


def _three(w):  # type: ignore[no-untyped-def]
    """Supports: Alpha 1, Beta 3, Gamma 2 (of 6 eligible: organiser and five members)."""
    m = w.members
    alpha, beta, gamma = (
        propose(m[i], w.primary, t) for i, t in enumerate(("Alpha", "Beta", "Gamma"))
    )
    back(alpha, [m[1]])
    back(beta, [m[0], m[2], m[3]])
    back(gamma, [m[3], m[4]])
    return alpha, beta, gamma


def test_a_number_threshold_shortlists_in_order_of_support() -> None:
    w = world(members=5, threshold_value=2)
    alpha, beta, gamma = _three(w)
    assert _shortlist(w).status_code == 302
    primary = Primary.objects.get()
    assert primary.ballot is not None and primary.required_support == 2
    labels = list(
        Option.objects.filter(question__ballot=primary.ballot).values_list("position", "label")
    )
    assert labels == [(1, "Beta"), (2, "Gamma")]
    assert list(Proposal.objects.filter(shortlisted=True).values_list("title", "ballot_position")) == [
        ("Beta", 1), ("Gamma", 2)]  # fmt: skip
    assert (
        primary.ballot.group_id == w.group.pk
        and primary.ballot.questions.get().method == "approval"
    )


def test_a_percentage_threshold_counts_eligible_members() -> None:
    # 6 eligible; 34% of 6 = 2.04, rounded up to 3: only Beta qualifies, so no ballot is possible.
    w = world(members=5, threshold_kind="percent", threshold_value=34)
    _three(w)
    response = _shortlist(w)
    assert "Only 1 proposal(s) reached 3 supporters" in response.content.decode()
    assert not Ballot.objects.exists() and Primary.objects.get().shortlisted_at is None
    # 33% of 6 = 1.98, rounded up to 2: Beta and Gamma.
    Primary.objects.update(threshold_value=33)
    w.primary.refresh_from_db()
    assert _shortlist(w).status_code == 302
    assert set(Proposal.objects.filter(shortlisted=True).values_list("title", flat=True)) == {
        "Beta",
        "Gamma",
    }
    assert Primary.objects.get().required_support == 2


def test_it_refuses_before_the_window_closes() -> None:
    w = world(members=5)
    _three(w)
    assert "after the submission window closes" in _shortlist(w, at=DURING).content.decode()
    assert not Ballot.objects.exists() and not Proposal.objects.filter(shortlisted=True).exists()


def test_a_plain_member_or_another_groups_organiser_is_refused() -> None:
    w = world(members=5)
    _three(w)
    assert _shortlist(w, user=w.members[0]).status_code == 403  # no access to others' data at all
    assert _shortlist(w, user=w.other_organiser).status_code == 404
    assert not Ballot.objects.exists() and not Proposal.objects.filter(shortlisted=True).exists()


@pytest.mark.parametrize(
    "data",
    [{}, {**TIMES, "cut_off": "not a date"},
     {**TIMES, "opens_at": TIMES["closes_at"], "closes_at": TIMES["opens_at"]}],
)  # fmt: skip
def test_bad_times_write_nothing(data) -> None:  # type: ignore[no-untyped-def]
    w = world(members=5)
    _three(w)
    response = _shortlist(w, data=data)
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    assert not Ballot.objects.exists() and not Proposal.objects.filter(shortlisted=True).exists()
    assert Primary.objects.get().shortlisted_at is None
