"""Simultaneous support clicks on PostgreSQL: the unique constraint lets exactly one through."""

import threading

import pytest
from django.db import connection, connections

from groundswell.accounts.models import User
from groundswell.primary.actions import PrimaryError, support_proposal
from groundswell.primary.models import Proposal, Support

from .helpers import DURING, propose, world

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers"),
]


def test_ten_simultaneous_supports_by_one_member_make_one_row() -> None:
    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    barrier = threading.Barrier(10)
    outcomes: list[object] = []

    def click() -> None:
        try:
            user = User.objects.get(pk=w.members[1].pk)
            mine = Proposal.objects.select_related("primary").get(pk=proposal.pk)
            barrier.wait()
            outcomes.append(support_proposal(user, mine, DURING))
        except BaseException as exc:
            outcomes.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=click) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    refusals = [o for o in outcomes if isinstance(o, PrimaryError)]
    assert len(outcomes) == 10 and len(refusals) == 9
    assert Support.objects.filter(proposal=proposal).count() == 1
