"""Compositing: the organiser's offer takes effect only with both authors' consent; the composite
carries the union of support, credits both authors, and the originals stay, marked composited."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client, verified_client
from groundswell.primary.models import Composite, Proposal, Support

from .helpers import DURING, back, propose, world

pytestmark = pytest.mark.django_db

MERGED = {
    "title": "Water and energy in public hands",
    "category": "Economy",
    "text": "Both, together.",
}


def _offer(w, one, two, **changes):  # type: ignore[no-untyped-def]
    data = {"first": one.pk, "second": two.pk, **MERGED, **changes}
    with freeze_time(DURING):
        return verified_client(w.organiser).post(
            reverse("primary:composite", args=[w.primary.pk]), data
        )


def _answer(user, composite, answer):  # type: ignore[no-untyped-def]
    url = reverse("primary:answer_composite", args=[composite.pk])
    with freeze_time(DURING):
        return signed_in_client(user).post(url, {"answer": answer}, follow=True)


def _pair(w):  # type: ignore[no-untyped-def]
    water = propose(w.members[0], w.primary, "Water")
    energy = propose(w.members[1], w.primary, "Energy")
    back(water, [w.members[2], w.members[3]])
    back(energy, [w.members[3], w.members[0]])  # members[0] is water's author: not carried over
    return water, energy


def test_the_composite_needs_both_consents_and_then_replaces_both() -> None:
    w = world()
    water, energy = _pair(w)
    assert _offer(w, water, energy).status_code == 302
    composite = Composite.objects.get()
    page = _answer(w.members[0], composite, "consent").content.decode()
    assert "waiting for the other author" in page
    assert not Proposal.objects.exclude(pk__in=[water.pk, energy.pk]).exists()
    _answer(w.members[1], composite, "consent")
    merged = Proposal.objects.exclude(pk__in=[water.pk, energy.pk]).get()
    assert (merged.title, merged.author_id, merged.co_author_id) == (
        MERGED["title"], w.members[0].person_id, w.members[1].person_id,
    )  # fmt: skip
    backers = set(Support.objects.filter(proposal=merged).values_list("person_id", flat=True))
    assert backers == {w.members[2].person_id, w.members[3].person_id}
    for original in (water, energy):
        original.refresh_from_db()
        assert original.status == Proposal.Status.COMPOSITED and original.composited_into == merged


def test_a_decline_ends_the_offer_and_changes_nothing() -> None:
    w = world()
    water, energy = _pair(w)
    _offer(w, water, energy)
    composite = Composite.objects.get()
    _answer(w.members[0], composite, "consent")
    assert "Compositing declined" in _answer(w.members[1], composite, "decline").content.decode()
    composite.refresh_from_db()
    assert composite.status == Composite.Status.DECLINED
    assert Proposal.objects.count() == 2
    assert set(Proposal.objects.values_list("status", flat=True)) == {"open"}


def test_only_the_authors_may_answer() -> None:
    w = world()
    water, energy = _pair(w)
    _offer(w, water, energy)
    composite = Composite.objects.get()
    assert _answer(w.members[2], composite, "consent").status_code == 404
    composite.refresh_from_db()
    assert (composite.first_consent, composite.second_consent) == (None, None)


def test_another_groups_organiser_cannot_offer_a_composite() -> None:
    w = world()
    water, energy = _pair(w)
    with freeze_time(DURING):
        url = reverse("primary:composite", args=[w.primary.pk])
        data = {"first": water.pk, "second": energy.pk, **MERGED}
        response = verified_client(w.other_organiser).post(url, data)
    assert response.status_code == 404 and not Composite.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"title": ""},
        {"category": "Other"},
        {"text": ""},
        {"first": "999999"},
        {"second": "abc"},
        {"same": True},
    ],
)
def test_bad_input_writes_nothing(changes) -> None:  # type: ignore[no-untyped-def]
    w = world()
    water, energy = _pair(w)
    second = water if changes.pop("same", False) else energy
    response = _offer(w, water, second, **changes)
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    assert not Composite.objects.exists()


@pytest.mark.parametrize("answer", ["", "maybe", "CONSENT"])
def test_an_unclear_answer_writes_nothing(answer) -> None:  # type: ignore[no-untyped-def]
    w = world()
    water, energy = _pair(w)
    _offer(w, water, energy)
    composite = Composite.objects.get()
    assert (
        "Choose to consent or to decline."
        in _answer(w.members[0], composite, answer).content.decode()
    )
    composite.refresh_from_db()
    assert (composite.first_consent, composite.status) == (None, Composite.Status.PENDING)
