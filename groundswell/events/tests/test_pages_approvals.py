"""A member proposes, the hosting group's organisers see it in their approvals list (behind
two-factor sign-in) and decide; nobody else can."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.core.testing import make_user, signed_in_client, verified_client
from groundswell.events.actions import create_event
from groundswell.events.models import Event
from groundswell.groups.models import Group

from .helpers import national_organiser, new_group, only_shift
from .pages_helpers import NotifyCalls, organiser_of, told, user_in

pytestmark = pytest.mark.django_db
__all__ = ["told"]

APPROVALS = reverse("events:approvals")


def proposal(group: Group, proposer: User | None = None) -> Event:
    begins = timezone.now() + timedelta(days=3)
    return create_event(
        proposer or user_in(group), title="Reading group: The Ragged Trousered Philanthropists",
        kind="education", host_group=group, online_url="https://meet.example.org/read",
        shifts=[(begins, begins + timedelta(hours=1), 5)],
    )  # fmt: skip


def decide(client: Client, event: Event, decision: str) -> list[str]:
    url = reverse("events:decide", args=[event.pk])
    response = client.post(url, {"decision": decision}, follow=True)
    assert response.redirect_chain[0] == (APPROVALS, 302)
    return [str(m) for m in response.context["messages"]]


def test_propose_then_approve_opens_sign_ups_and_tells_people(told: NotifyCalls) -> None:
    group = new_group()
    proposer = user_in(group)
    proposer.person.given_name = "Robert"  # type: ignore[union-attr]
    proposer.person.save()  # type: ignore[union-attr]
    event = proposal(group, proposer)
    organiser = verified_client(organiser_of(group))
    html = organiser.get(APPROVALS).content.decode()
    assert "The Ragged Trousered Philanthropists" in html and "proposed by Robert" in html
    assert decide(organiser, event, "approve")[0].startswith("Reading group")
    event.refresh_from_db()
    assert event.approval == "approved"
    assert [args[0] for args in told.of("proposal_decided")] == [event]
    assert [list(args[0]) for args in told.of("shifts_scheduled")] == [[only_shift(event)]]
    assert (
        reverse("events:detail", args=[event.pk]) not in organiser.get(APPROVALS).content.decode()
    )
    response = signed_in_client(make_user()).post(
        reverse("events:rsvp", args=[event.pk, only_shift(event).pk])
    )
    assert response.status_code == 302
    assert only_shift(event).attendances.filter(status="accepted").count() == 1


def test_turning_down_keeps_sign_ups_closed(told: NotifyCalls) -> None:
    group = new_group()
    event = proposal(group)
    decide(verified_client(organiser_of(group)), event, "reject")
    event.refresh_from_db()
    assert event.approval == "rejected"
    assert len(told.of("proposal_decided")) == 1 and told.of("shifts_scheduled") == []


def test_a_decision_is_made_once() -> None:
    group = new_group()
    event = proposal(group)
    organiser = verified_client(organiser_of(group))
    decide(organiser, event, "approve")
    assert "already been approved" in decide(organiser, event, "reject")[0]
    event.refresh_from_db()
    assert event.approval == "approved"


def test_a_nonsense_decision_changes_nothing() -> None:
    group = new_group()
    event = proposal(group)
    assert "Choose whether" in decide(verified_client(organiser_of(group)), event, "maybe")[0]
    event.refresh_from_db()
    assert event.approval == "awaiting"


def test_nobody_outside_the_hosting_group_s_organisers_can_see_or_decide() -> None:
    group = new_group()
    proposer = user_in(group)
    event = proposal(group, proposer)
    other_organiser = organiser_of(new_group())
    assert "Reading group" not in verified_client(other_organiser).get(APPROVALS).content.decode()
    url = reverse("events:decide", args=[event.pk])
    assert verified_client(other_organiser).post(url, {"decision": "approve"}).status_code == 404
    assert signed_in_client(proposer).post(url, {"decision": "approve"}).status_code == 403
    assert signed_in_client(user_in(group)).post(url, {"decision": "approve"}).status_code == 404
    assert Client().post(url, {"decision": "approve"}).status_code == 302  # to sign in
    event.refresh_from_db()
    assert event.approval == "awaiting"


def test_a_national_organiser_sees_every_proposal() -> None:
    event = proposal(new_group())
    html = verified_client(national_organiser()).get(APPROVALS).content.decode()
    assert reverse("events:detail", args=[event.pk]) in html


def test_the_approvals_list_needs_two_factor_and_an_organiser() -> None:
    group = new_group()
    organiser = organiser_of(group)
    response = signed_in_client(organiser).get(APPROVALS)
    assert response.status_code == 302 and "/accounts/two-factor/" in response["Location"]
    assert verified_client(user_in(group)).get(APPROVALS).status_code == 403
