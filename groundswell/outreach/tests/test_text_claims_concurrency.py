"""Ten texters pressing "Send next" at the same moment each get a different person (PostgreSQL:
SELECT ... FOR UPDATE SKIP LOCKED and a conditional UPDATE)."""

from collections.abc import Callable
from typing import cast

import pytest
from django.db import connection

from groundswell.core.testing import at_once
from groundswell.outreach.actions.text_claims import claim_next
from groundswell.outreach.models import TextCampaign
from groundswell.people.models import Person

from .text_helpers import NOON, campaign, organiser, person, texter

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL's concurrent writers"
    ),
]


def _race(
    made: TextCampaign, texter_ids: list[int]
) -> tuple[list[int | None], list[BaseException]]:
    def press(texter_id: int) -> Callable[[], Callable[[], int | None]]:
        def ready() -> Callable[[], int | None]:
            me = Person.objects.get(pk=texter_id)

            def claim() -> int | None:
                conversation = claim_next(me, made, now=NOON).conversation
                return conversation.pk if conversation else None

            return claim

        return ready

    outcomes = at_once([press(pk) for pk in texter_ids])
    got = [o for o in outcomes if not isinstance(o, BaseException)]
    return got, [o for o in outcomes if isinstance(o, BaseException)]


def test_ten_texters_at_once_never_get_the_same_person() -> None:
    users = [texter() for _ in range(10)]
    made = campaign(organiser(), [person() for _ in range(25)], users)
    got, errors = _race(made, [cast(Person, u.person).pk for u in users])
    assert errors == []
    assert None not in got
    assert len(set(got)) == 10
    held = made.conversations.exclude(texter=None).values_list("pk", "texter_id")
    assert len({texter_id for _, texter_id in held}) == 10


def test_ten_texters_for_three_people_leave_seven_empty_handed() -> None:
    users = [texter() for _ in range(10)]
    made = campaign(organiser(), [person() for _ in range(3)], users)
    got, errors = _race(made, [cast(Person, u.person).pk for u in users])
    assert errors == []
    taken = [pk for pk in got if pk is not None]
    assert len(taken) == 3 == len(set(taken))
    assert got.count(None) == 7
