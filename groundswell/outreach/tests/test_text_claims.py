""" "Send next" gives each texter their own person: never the same one to two texters, the same one
again on a reload, and someone else's only once their claim has run out."""

from datetime import timedelta
from typing import cast

import pytest

from groundswell.outreach.actions.text_claims import CLAIM_MINUTES, claim_next
from groundswell.people.models import Person

from .text_helpers import NOON, campaign, claimed, organiser, person, texter

pytestmark = pytest.mark.django_db


def test_two_texters_get_different_people_and_a_reload_keeps_mine() -> None:
    ana, ben = texter(), texter()
    made = campaign(organiser(), [person(), person(), person()], [ana, ben])

    mine = claimed(ana, made)
    theirs = claimed(ben, made)

    assert mine.pk != theirs.pk
    assert claimed(ana, made).pk == mine.pk
    assert mine.texter_id == cast(Person, ana.person).pk


def test_when_everyone_is_on_a_screen_the_next_texter_gets_no_one() -> None:
    ana, ben = texter(), texter()
    made = campaign(organiser(), [person()], [ana, ben])
    claimed(ana, made)
    result = claim_next(cast(Person, ben.person), made, now=NOON)
    assert result.conversation is None
    assert result.outside_hours == 0


def test_a_claim_that_ran_out_goes_to_the_next_texter() -> None:
    ana, ben = texter(), texter()
    made = campaign(organiser(), [person()], [ana, ben])
    first = claimed(ana, made)
    later = NOON + timedelta(minutes=CLAIM_MINUTES, seconds=1)
    assert claimed(ben, made, now=later).pk == first.pk


def test_people_outside_texting_hours_are_skipped_and_the_opening_told() -> None:
    volunteer = texter()
    made = campaign(organiser(), [person("+12125550123")], [volunteer])  # New York: 07:00
    result = claim_next(cast(Person, volunteer.person), made, now=NOON)
    assert result.conversation is None
    assert result.outside_hours == 1
    assert result.opens_at == NOON + timedelta(hours=2)  # 09:00 in New York


def test_someone_who_withdrew_consent_is_never_put_on_a_screen() -> None:
    volunteer = texter()
    gone = person()
    made = campaign(organiser(), [gone], [volunteer])
    Person.objects.filter(pk=gone.pk).update(sms_consent=False)
    assert claim_next(cast(Person, volunteer.person), made, now=NOON).conversation is None
