"""The demo selections on a small movement: one finished with a published result, one at the panel
stage with the demo organiser on the panel, and a national one open with the demo member standing."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.core.demo.selections import write_selections
from groundswell.core.testing import GroupFactory, add_member, make_user
from groundswell.groups.models import Group, Membership
from groundswell.selections.models import Decision, Selection
from groundswell.selections.outcome import selection_outcome

from .helpers import person

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _movement() -> None:
    group: Group = GroupFactory(kind="local")  # type: ignore[assignment]
    with freeze_time(NOW - timedelta(days=400)):
        organiser = person()
        add_member(group, organiser, Membership.Role.ORGANISER)
        for _ in range(35):
            add_member(group, person())
        for _ in range(25):
            person()
    make_user(Role.MEMBER, person=organiser, email="organiser@example.org")
    make_user(Role.MEMBER, person=person(), email="member@example.org")
    make_user(Role.NATIONAL_ORGANISER, person=person(), email="national@example.org")


def test_the_demo_builds_three_selections_at_different_stages() -> None:
    _movement()
    write_selections(random.Random(3), NOW)
    finished, panel_stage = Selection.objects.filter(group__isnull=False).order_by(
        "nominations_open"
    )
    outcome = selection_outcome(finished, NOW)
    assert finished.hustings is not None
    assert outcome is not None and len(outcome.winners) == 1
    assert panel_stage.panel.filter(user__email="organiser@example.org").exists()
    assert Decision.objects.filter(nomination__selection=panel_stage).count() == 2
    national = Selection.objects.get(group__isnull=True)
    assert national.nominations_open < NOW < national.nominations_close
    assert national.nominations.filter(candidate__user__email="member@example.org").exists()
