"""Who may call and run assignments. A caller sees only the person they hold: not another queued
person by id, and no one once their claim has gone to someone else. Organisers see only their
groups' assignments, with a second factor; volunteers calling need none."""

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import Role
from groundswell.core.testing import (
    GroupFactory,
    PersonFactory,
    add_member,
    make_user,
    verified_client,
)
from groundswell.groups.models import Membership
from groundswell.outreach.models import CallAttempt, CallQueueEntry

from .call_helpers import (
    assignment,
    callee,
    national,
    outcome_url,
    people,
    screen_url,
    served,
    signed_in,
    volunteer,
)

pytestmark = pytest.mark.django_db


def test_someone_not_on_the_assignment_gets_not_found() -> None:
    made = assignment(national(), people(1), [volunteer()])
    stranger = signed_in(volunteer())
    url = reverse("outreach:call_next", args=[made.pk])
    assert stranger.get(url).status_code == 404
    assert stranger.post(url).status_code == 404
    assert not CallQueueEntry.objects.filter(caller__isnull=False).exists()


def test_signed_out_visitors_are_sent_to_sign_in() -> None:
    made = assignment(national(), people(1))
    response = Client().get(reverse("outreach:call_next", args=[made.pk]))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_a_caller_cannot_open_or_record_another_callers_person() -> None:
    ring = people(2)
    ada, bo = volunteer(), volunteer()
    made = assignment(national(), ring, [ada, bo])
    mine, theirs = served(made, ada), served(made, bo)
    assert mine is not None and theirs is not None
    client = signed_in(ada)
    page = client.get(screen_url(theirs))
    assert page.status_code == 404 and ring[1].family_name not in page.content.decode()
    posted = client.post(outcome_url(theirs), {"outcome": "answered", "round": "0"})
    assert posted.status_code == 404
    skipped = client.post(reverse("outreach:call_skip", args=[made.pk, theirs.pk]))
    assert skipped.status_code == 404
    assert not CallAttempt.objects.exists()
    assert CallQueueEntry.objects.get(pk=theirs.pk).claimed_until is not None


def test_once_the_claim_has_gone_to_someone_else_the_person_is_hidden() -> None:
    ring = people(1)
    ada, bo = volunteer(), volunteer()
    made = assignment(national(), ring, [ada, bo], claim_minutes=5)
    entry = served(made, ada, timezone.now() - timedelta(minutes=10))  # claimed, then walked away
    assert entry is not None
    assert served(made, bo) is not None
    client = signed_in(ada)
    page = client.get(screen_url(entry))
    assert page.status_code == 404 and ring[0].family_name not in page.content.decode()
    check = client.get(reverse("outreach:call_check", args=[made.pk, entry.pk]))
    assert ring[0].family_name not in check.content.decode()
    client.post(outcome_url(entry), {"outcome": "answered", "round": "0"})
    assert not CallAttempt.objects.exists()


def test_a_caller_whose_claim_ran_out_is_sent_back_to_the_next_person() -> None:
    ring = people(1)
    ada = volunteer()
    made = assignment(national(), ring, [ada], claim_minutes=5)
    entry = served(made, ada, timezone.now() - timedelta(minutes=10))
    assert entry is not None
    page = signed_in(ada).get(screen_url(entry), follow=True)
    assert "That person is no longer on your screen" in page.content.decode()
    assert ring[0].family_name not in page.content.decode()


def test_a_volunteer_calls_without_a_second_factor() -> None:
    ada = volunteer()
    made = assignment(national(), people(1), [ada])
    response = signed_in(ada).post(reverse("outreach:call_next", args=[made.pk]), follow=True)
    assert response.status_code == 200
    assert "tel:+447911" in response.content.decode()


def _group_world() -> dict[str, Any]:
    group, other = GroupFactory.create(), GroupFactory.create()
    organiser = make_user(person=PersonFactory.create())
    add_member(group, organiser.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    stranger = make_user(person=PersonFactory.create())
    add_member(other, stranger.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    member = callee()
    add_member(group, member)
    made = assignment(organiser, [member], group=group)
    return {"organiser": organiser, "stranger": stranger, "made": made}


def test_organiser_pages_are_for_the_groups_organisers_and_national_roles() -> None:
    world = _group_world()
    detail = reverse("outreach:call_detail", args=[world["made"].pk])
    assert verified_client(world["organiser"]).get(detail).status_code == 200
    assert verified_client(make_user(Role.NATIONAL_ORGANISER)).get(detail).status_code == 200
    assert verified_client(world["stranger"]).get(detail).status_code == 404
    assert signed_in(volunteer()).get(detail).status_code == 403
    unverified = signed_in(world["organiser"]).get(detail)
    assert unverified.status_code == 302 and "two-factor" in unverified["Location"]


def test_an_organiser_of_another_group_cannot_change_it() -> None:
    world = _group_world()
    url = reverse("outreach:call_status", args=[world["made"].pk])
    assert verified_client(world["stranger"]).post(url, {"action": "close"}).status_code == 404
    world["made"].refresh_from_db()
    assert world["made"].status == "active"


def test_an_organiser_calling_needs_their_second_factor() -> None:
    world = _group_world()
    url = reverse("outreach:call_next", args=[world["made"].pk])
    response = signed_in(world["organiser"]).get(url)
    assert response.status_code == 302 and "two-factor" in response["Location"]
    assert verified_client(world["organiser"]).get(url).status_code == 200


def test_the_assignment_list_shows_only_the_organisers_groups() -> None:
    world = _group_world()
    listing = verified_client(world["stranger"]).get(reverse("outreach:calls")).content.decode()
    assert world["made"].name not in listing
    mine = verified_client(world["organiser"]).get(reverse("outreach:calls")).content.decode()
    assert world["made"].name in mine
