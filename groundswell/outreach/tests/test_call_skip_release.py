"""Letting go of people: a skip hands them to another caller at once (not back to the skipper,
and no attempt is counted); a caller who walks away loses them when the claim time runs out."""

from datetime import timedelta

import pytest
from django.utils import timezone

from groundswell.outreach.actions.queue import skip
from groundswell.outreach.models import CallAttempt, CallQueueEntry

from .call_helpers import as_person, assignment, national, people, served, volunteer

pytestmark = pytest.mark.django_db


def test_a_skipped_person_goes_to_another_caller_not_back_to_the_skipper() -> None:
    owner, ring = national(), people(2)
    ada, bo = volunteer(), volunteer()
    made = assignment(owner, ring, [ada, bo])
    first = served(made, ada)
    assert first is not None and first.person_id == ring[0].pk
    assert skip(first, as_person(ada))
    nxt = served(made, ada)
    assert nxt is not None and nxt.person_id == ring[1].pk
    other = served(made, bo)
    assert other is not None and other.person_id == ring[0].pk
    assert CallQueueEntry.objects.get(pk=first.pk).attempts == 0
    assert not CallAttempt.objects.exists()


def test_only_the_holder_can_skip() -> None:
    owner, ring = national(), people(1)
    ada, bo = volunteer(), volunteer()
    made = assignment(owner, ring, [ada, bo])
    entry = served(made, ada)
    assert entry is not None
    assert not skip(entry, as_person(bo))
    assert CallQueueEntry.objects.get(pk=entry.pk).caller_id == as_person(ada).pk


def test_an_abandoned_person_is_released_once_the_claim_time_runs_out() -> None:
    owner, ring = national(), people(1)
    ada, bo = volunteer(), volunteer()
    made = assignment(owner, ring, [ada, bo], claim_minutes=20)
    now = timezone.now()
    entry = served(made, ada, now)
    assert entry is not None
    assert served(made, bo, now + timedelta(minutes=19)) is None
    taken = served(made, bo, now + timedelta(minutes=21))
    assert taken is not None and taken.pk == entry.pk
    assert CallQueueEntry.objects.get(pk=entry.pk).caller_id == as_person(bo).pk
