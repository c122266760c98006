"""The demo primaries on a small movement: one finished with motions to download, one open now with
the demo member's proposal amended and a compositing offer waiting for them."""

import random
from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.core.demo.primary import write_primary
from groundswell.core.testing import GroupFactory, add_member, make_user
from groundswell.groups.models import Group, Membership
from groundswell.primary.models import Composite, Primary, Proposal
from groundswell.primary.outcome import winning_motions

from .helpers import person

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _movement() -> None:
    group: Group = GroupFactory(kind="local")  # type: ignore[assignment]
    with freeze_time(NOW - timedelta(days=400)):
        organiser = person()
        add_member(group, organiser, Membership.Role.ORGANISER)
        for _ in range(30):
            add_member(group, person())
    make_user(Role.MEMBER, person=organiser, email="organiser@example.org")
    make_user(Role.MEMBER, person=person(), email="member@example.org")
    make_user(Role.NATIONAL_ORGANISER, email="national@example.org")


def test_the_demo_builds_a_finished_and_an_open_primary() -> None:
    _movement()
    write_primary(random.Random(5), NOW)
    finished = Primary.objects.get(group__isnull=False)
    motions = winning_motions(finished, NOW)
    assert finished.ballot is not None and len(motions) >= 1
    national = Primary.objects.get(group__isnull=True)
    assert national.opens_at < NOW < national.closes_at
    mine = national.proposals.get(author__user__email="member@example.org")
    assert mine.versions.count() == 2
    assert Composite.objects.get(first=mine).status == Composite.Status.PENDING
    assert national.proposals.filter(status=Proposal.Status.HIDDEN).count() == 1
