"""A ranked shortlist ballot: STV elects the winners, published in order of election."""

import pytest

from groundswell.primary.models import Primary
from groundswell.primary.outcome import winning_motions

from .helpers import RESULTS, shortlisted, vote, world

pytestmark = pytest.mark.django_db


def test_stv_winners_become_motions_in_order_of_election() -> None:
    w = world(members=4, method="stv", winners=2)
    shortlisted(w)  # Alpha, Beta, Gamma, each with 3 supporters: options 1, 2, 3
    vote(w, [[2, 1], [2, 3], [2, 1], [1, 2], [3, 1]])
    motions = winning_motions(Primary.objects.get(), RESULTS)
    assert [m.title for m in motions] == ["Beta", "Alpha"]
    assert [m.number for m in motions] == [1, 2] and motions[0].votes is None
    assert motions[0].authors == w.members[1].person.full_name  # type: ignore[union-attr]


def test_irv_has_one_winner() -> None:
    w = world(members=4, method="irv")
    shortlisted(w)
    vote(w, [[3], [3, 1], [1], [2, 3], [3]])
    assert [m.title for m in winning_motions(Primary.objects.get(), RESULTS)] == ["Gamma"]
