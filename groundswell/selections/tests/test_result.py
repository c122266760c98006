"""The result is published on the selection page only after the ballot closes."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from freezegun import freeze_time

from groundswell.core.testing import verified_client

from .helpers import RESULTS, VOTING, balloted, vote, world

pytestmark = pytest.mark.django_db


def _page(user, w):  # type: ignore[no-untyped-def]
    return verified_client(user).get(reverse("selections:detail", args=[w.selection.pk]))


def test_the_winner_is_published_after_the_close_with_a_link_to_the_stages() -> None:
    w = world()
    chosen = balloted(w)
    by_position = {n.ballot_position: n for n in chosen}
    vote(w, [[2, 1], [2, 3], [2], [1, 2], [3, 2]])
    with freeze_time(RESULTS):
        page = _page(w.members[0], w).content.decode()
    assert "Result" in page
    winner = escape(str(by_position[2].candidate))
    assert f"<li><strong>{winner}</strong></li>" in page
    assert reverse("democracy:results", args=[w.selection.ballot_id]) in page


def test_nothing_is_published_while_the_ballot_is_open() -> None:
    w = world()
    balloted(w)
    vote(w, [[2, 1], [2, 3], [2]])
    with freeze_time(VOTING):
        page = _page(w.members[0], w).content.decode()
    assert 'id="result-h"' not in page
    assert reverse("democracy:ballot", args=[w.selection.ballot_id]) in page


def test_a_several_seat_stv_selection_publishes_every_winner() -> None:
    w = world(members=8, method="stv", seats=2)
    chosen = balloted(w)
    by_position = {n.ballot_position: n for n in chosen}
    vote(w, [[1, 2], [1, 3], [1, 2], [2, 1], [2, 3], [3, 1], [1, 2], [2, 1]])
    with freeze_time(RESULTS):
        page = _page(w.members[0], w).content.decode()
    for position in (1, 2):
        assert f"<li><strong>{escape(str(by_position[position].candidate))}</strong></li>" in page
    assert f"<li><strong>{escape(str(by_position[3].candidate))}</strong></li>" not in page
