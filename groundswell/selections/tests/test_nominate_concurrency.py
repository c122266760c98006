"""Simultaneous nominations on PostgreSQL: the unique constraint lets exactly one through."""

from collections.abc import Callable
from functools import partial

import pytest
from django.db import connection

from groundswell.accounts.models import User
from groundswell.core.testing import at_once
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

    def click() -> Callable[[], object]:
        user = User.objects.get(pk=w.members[1].pk)
        mine = Nomination.objects.select_related("selection").get(pk=nomination.pk)
        return partial(nominate, user, mine, DURING)

    outcomes = at_once([click] * 10)
    refusals = [o for o in outcomes if isinstance(o, SelectionError)]
    assert len(outcomes) == 10 and len(refusals) == 9
    assert Nominator.objects.filter(nomination=nomination).count() == 1
