"""Simultaneous support clicks on PostgreSQL: the unique constraint lets exactly one through."""

from collections.abc import Callable
from functools import partial

import pytest
from django.db import connection

from groundswell.accounts.models import User
from groundswell.core.testing import at_once
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

    def click() -> Callable[[], object]:
        user = User.objects.get(pk=w.members[1].pk)
        mine = Proposal.objects.select_related("primary").get(pk=proposal.pk)
        return partial(support_proposal, user, mine, DURING)

    outcomes = at_once([click] * 10)
    refusals = [o for o in outcomes if isinstance(o, PrimaryError)]
    assert len(outcomes) == 10 and len(refusals) == 9
    assert Support.objects.filter(proposal=proposal).count() == 1
