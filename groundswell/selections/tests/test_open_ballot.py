"""The organiser opens the ballot of the shortlisted candidates, and only of them."""

from datetime import datetime

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import verified_client
from groundswell.democracy.models import Ballot, Option
from groundswell.selections.models import Nomination

from .helpers import AFTER, BALLOT, DURING, shortlist, standing, three_shortlisted, world

pytestmark = pytest.mark.django_db


def _local(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M")  # UTC in winter: the same as UK time


def _post(user, w, **changes):  # type: ignore[no-untyped-def]
    data = {"cut_off": _local(BALLOT.cut_off), "opens_at": _local(BALLOT.opens_at),
            "closes_at": _local(BALLOT.closes_at), **changes}  # fmt: skip
    url = reverse("selections:open_ballot", args=[w.selection.pk])
    return verified_client(user).post(url, data)


def test_the_ballot_lists_only_the_shortlisted_candidates() -> None:
    w = world(members=7)
    chosen = three_shortlisted(w)
    longlisted_only = standing(w.members[5], w.selection, w.members[3:5])
    valid_only = standing(w.members[6], w.selection, w.members[3:5])
    from groundswell.selections.actions import record_decision

    record_decision(w.panellist, longlisted_only, "longlist", True, "Fine.", AFTER)
    with freeze_time(AFTER):
        response = _post(w.organiser, w)
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    labels = set(Option.objects.filter(question__ballot=ballot).values_list("label", flat=True))
    assert labels == {str(n.candidate) for n in chosen}
    assert ballot.group == w.group and ballot.questions.get().method == "irv"
    positions = dict(Nomination.objects.values_list("pk", "ballot_position"))
    assert positions[longlisted_only.pk] is None and positions[valid_only.pk] is None
    assert sorted(positions[n.pk] or 0 for n in chosen) == [1, 2, 3]


def test_it_refuses_a_ballot_with_no_more_candidates_than_seats() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    shortlist(w, nomination)
    with freeze_time(AFTER):
        response = _post(w.organiser, w)
    assert response.status_code == 400
    assert b"Shortlist more candidates" in response.content
    assert not Ballot.objects.exists()


def test_it_refuses_a_withdrawn_shortlisted_candidate() -> None:
    w = world()
    chosen = three_shortlisted(w)
    Nomination.objects.filter(pk__in=[chosen[0].pk, chosen[1].pk]).update(withdrawn_at=AFTER)
    with freeze_time(AFTER):
        response = _post(w.organiser, w)
    assert response.status_code == 400 and not Ballot.objects.exists()


@pytest.mark.parametrize("who", ["panellist", "outsider", "other_organiser"])
def test_only_organisers_open_the_ballot(who: str) -> None:
    w = world()
    three_shortlisted(w)
    with freeze_time(AFTER):
        response = _post(getattr(w, who), w)
    assert response.status_code in (403, 404)
    assert not Ballot.objects.exists()


@pytest.mark.parametrize(
    "changes",
    [
        {"closes_at": _local(BALLOT.cut_off)},  # closes before it opens
        {"opens_at": "not a date"},
        {"cut_off": ""},
    ],
)
def test_it_refuses_bad_times_and_writes_nothing(changes: dict[str, str]) -> None:
    w = world()
    three_shortlisted(w)
    with freeze_time(AFTER):
        response = _post(w.organiser, w, **changes)
    assert response.status_code == 400
    assert not Ballot.objects.exists()
    assert not Nomination.objects.filter(ballot_position__isnull=False).exists()


def test_it_refuses_opening_the_ballot_during_nominations() -> None:
    w = world()
    with freeze_time(DURING):
        response = _post(w.organiser, w)
    assert b"after nominations close" in response.content
    assert not Ballot.objects.exists()


def test_it_refuses_a_second_ballot() -> None:
    w = world()
    three_shortlisted(w)
    with freeze_time(AFTER):
        _post(w.organiser, w)
        response = _post(w.organiser, w)
    assert response.status_code == 400 and Ballot.objects.count() == 1
