"""Freezing electorates automatically: the sweep freezes each ballot past its cut-off once, skips what
cannot be frozen, and a ballot that opened unfrozen is refused to voters and flagged to organisers."""

from datetime import timedelta
from functools import partial
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import override_settings
from freezegun import freeze_time

from groundswell.core.testing import at_once, verified_client
from groundswell.democracy.actions import (
    VoteRefused,
    cast_vote,
    create_ballot,
    freeze_due_electorates,
    freeze_electorate,
)
from groundswell.democracy.models import Ballot, BallotPaper, Elector
from groundswell.democracy.tasks import sweep_due_electorates
from groundswell.democracy.tests.ballot_helpers import (
    CUT_OFF,
    FREEZING,
    OPENS,
    PICK,
    TIMES,
    VOTING,
    member,
    national_organiser,
)  # fmt: skip
from groundswell.searches.models import SavedSearch


def ballot(title: str, shift: timedelta = timedelta(0)) -> Ballot:
    """A ballot of all members whose times are TIMES moved by `shift`."""
    times = type(TIMES)(TIMES.cut_off + shift, TIMES.opens_at + shift, TIMES.closes_at + shift)
    return create_ballot(national_organiser(), title, times, [PICK])


def electors(b: Ballot) -> int:
    return Elector.objects.filter(ballot=b).count()


@pytest.mark.django_db
def test_the_sweep_freezes_only_ballots_past_their_cut_off_and_not_yet_open() -> None:
    member(), member()
    due = ballot("Due")
    later = ballot("Cut-off tomorrow", timedelta(days=1))
    opened = ballot("Already open", -timedelta(days=2, minutes=30))
    frozen = ballot("Frozen by hand")
    freeze_electorate(frozen, CUT_OFF)
    before = electors(frozen)
    assert freeze_due_electorates(FREEZING) == [due.pk]
    assert electors(due) == before > 0
    assert electors(frozen) == before  # not frozen twice
    for untouched in (later, opened):
        untouched.refresh_from_db()
        assert untouched.frozen_at is None and electors(untouched) == 0


@pytest.mark.django_db
def test_running_the_sweep_twice_freezes_once() -> None:
    member()
    due = ballot("Due")
    assert freeze_due_electorates(FREEZING) == [due.pk]
    assert freeze_due_electorates(FREEZING + timedelta(minutes=5)) == []
    due.refresh_from_db()
    assert due.frozen_at == FREEZING and electors(due) == 1


@pytest.mark.django_db
def test_a_ballot_that_cannot_be_frozen_is_skipped_and_the_rest_are_frozen() -> None:
    owner = national_organiser()
    broken = SavedSearch.objects.create(
        name="Broken", owner=owner, definition={"all": [{"filter": "tag"}]}
    )
    bad = create_ballot(owner, "Broken search", TIMES, [PICK], search=broken)
    broken.definition = {"all": [{"filter": "no such filter"}]}
    broken.save()
    good = ballot("Fine")
    assert freeze_due_electorates(FREEZING) == [good.pk]
    bad.refresh_from_db()
    assert bad.frozen_at is None and electors(bad) == 0


@pytest.mark.django_db
def test_the_task_runs_the_sweep() -> None:
    due = ballot("Due")
    with freeze_time(FREEZING):
        assert sweep_due_electorates.call(0) == 1
    due.refresh_from_db()
    assert due.frozen_at == FREEZING


@pytest.mark.django_db
def test_the_command_freezes_what_is_due_once() -> None:
    ballot("Due")
    out = StringIO()
    with freeze_time(FREEZING):
        call_command("freeze_due_ballots", stdout=out)
        call_command("freeze_due_ballots", stdout=out)
    assert out.getvalue().splitlines() == ["Froze 1 electorate.", "Froze 0 electorates."]


@pytest.mark.django_db
@override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
def test_the_command_with_every_schedules_one_sweep() -> None:
    from django_tasks_db.models import DBTaskResult

    out = StringIO()
    call_command("freeze_due_ballots", "--every", "5", stdout=out)
    call_command("freeze_due_ballots", "--every", "5", stdout=out)
    assert "enqueued" in out.getvalue() and "already scheduled" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path__endswith="sweep_due_electorates").count() == 1


@pytest.mark.django_db
def test_the_command_refuses_a_backend_that_cannot_defer_and_a_silly_interval() -> None:
    with pytest.raises(CommandError, match="cron"):
        call_command("freeze_due_ballots", "--every", "5")  # the tests' immediate backend
    with pytest.raises(CommandError, match="1 to 1440"):
        call_command("freeze_due_ballots", "--every", "0")


@pytest.mark.django_db
def test_a_ballot_that_opened_unfrozen_refuses_votes_and_tells_its_organisers() -> None:
    voter = member()
    b = ballot("Forgotten")
    with pytest.raises(VoteRefused):
        cast_vote(voter, b, {1: 1}, VOTING)
    assert not BallotPaper.objects.exists()
    client = verified_client(b.created_by)  # type: ignore[arg-type]
    with freeze_time(VOTING):
        page = client.get(f"/ballots/manage/{b.pk}/")
        listing = client.get("/ballots/manage/")
    assert "The electorate has not been frozen, so nobody can vote" in page.text
    assert "Freeze the electorate</button>" not in page.text
    assert "nobody can vote" in listing.text


@pytest.mark.django_db
def test_before_the_cut_off_organisers_are_told_freezing_is_automatic() -> None:
    b = ballot("Soon")
    client = verified_client(b.created_by)  # type: ignore[arg-type]
    with freeze_time(CUT_OFF - timedelta(hours=1)):
        page = client.get(f"/ballots/manage/{b.pk}/")
    assert "frozen automatically shortly after the cut-off" in page.text
    assert "nobody can vote" not in page.text


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs concurrent writers")
def test_sweeps_running_at_once_freeze_each_ballot_once() -> None:
    member(), member()
    due = [ballot("One"), ballot("Two")]
    results = at_once([lambda: partial(freeze_due_electorates, FREEZING)] * 4)
    assert all(isinstance(r, list) for r in results), results
    assert sorted(pk for r in results for pk in r) == sorted(b.pk for b in due)  # type: ignore[union-attr]
    assert all(electors(b) == electors(due[0]) > 0 for b in due)
    assert OPENS > FREEZING
