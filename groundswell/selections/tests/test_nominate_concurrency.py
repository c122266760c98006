"""Simultaneous nominations on PostgreSQL: the unique constraint lets exactly one through."""

import threading

import pytest
from django.db import connection, connections

from groundswell.accounts.models import User
from groundswell.selections.actions import SelectionError, nominate, stand
from groundswell.selections.models import Nomination, Nominator

from .helpers import DURING, world

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
]


def test_ten_simultaneous_nominations_by_one_member_make_one_row() -> None:
    w = world()
    nomination = stand(w.members[0], w.selection, "Statement", DURING)
    barrier = threading.Barrier(10)
    outcomes: list[object] = []

    def click() -> None:
        try:
            user = User.objects.get(pk=w.members[1].pk)
            mine = Nomination.objects.select_related("selection").get(pk=nomination.pk)
            barrier.wait()
            outcomes.append(nominate(user, mine, DURING))
        except BaseException as exc:
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refusals = [o for o in outcomes if isinstance(o, SelectionError)]
    assert len(outcomes) == 10 and len(refusals) == 9
    assert Nominator.objects.filter(nomination=nomination).count() == 1
