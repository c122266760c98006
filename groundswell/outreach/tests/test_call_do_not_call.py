"""No one who asked not to be called, or has no number we may ring, is ever handed out; asking on a
call stops every assignment; an opt-out that arrives while the person is on a caller's screen stops
the call being recorded as if nothing had happened."""

import pytest
from django.urls import reverse

from groundswell.outreach.models import CallAttempt, CallQueueEntry
from groundswell.people.actions import record_consent
from groundswell.people.models import ConsentChange, HistoryEvent, Person

from .call_helpers import (
    as_person,
    assignment,
    callee,
    national,
    outcome_url,
    people,
    record,
    screen_url,
    served,
    signed_in,
    volunteer,
)

pytestmark = pytest.mark.django_db


def test_people_without_consent_or_a_number_we_may_ring_are_never_served() -> None:
    owner = national()
    no_consent, flagged, no_number = callee(consent=False), callee(dnc=True), callee(None)
    fine = callee()
    ada = volunteer()
    made = assignment(owner, [no_consent, flagged, no_number, fine], [ada])
    entry = served(made, ada)
    assert entry is not None and entry.person_id == fine.pk
    record(entry, ada, "answered")
    assert served(made, ada) is None


def test_asking_not_to_be_called_withdraws_consent_and_ends_every_assignment() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    first = assignment(owner, ring, [ada], name="First")
    second = assignment(owner, ring, [ada], name="Second")
    entry = served(first, ada)
    assert entry is not None
    record(entry, ada, "do_not_call")
    person = Person.objects.get(pk=ring[0].pk)
    assert not person.phone_consent
    change = ConsentChange.objects.get(person=person, channel="phone")
    assert not change.granted and change.method == "asked a caller not to call"
    reasons = set(CallQueueEntry.objects.filter(person=person).values_list("done", "done_reason"))
    assert reasons == {(True, "do_not_call")}
    assert served(second, ada) is None
    assert HistoryEvent.objects.filter(person=person, kind="call").count() == 1


def test_an_opt_out_while_on_screen_records_nothing_and_moves_the_caller_on() -> None:
    owner, ring = national(), people(2)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    client = signed_in(ada)
    entry = served(made, ada)
    assert entry is not None and entry.person_id == ring[0].pk
    record_consent(ring[0], "phone", False, "replied STOP to a text")
    page = client.get(screen_url(entry))
    assert "has asked not to be called" in page.content.decode()
    assert "tel:" not in page.content.decode()
    response = client.post(outcome_url(entry), {"outcome": "answered", "round": "0"}, follow=True)
    text = response.content.decode()
    assert f"{ring[0].full_name} has asked not to be called: please don" in text
    assert not CallAttempt.objects.exists()
    assert ring[1].full_name in text  # the next person is on screen
    assert response.redirect_chain[-1][0] == reverse(
        "outreach:call_screen", args=[made.pk, entry.pk + 1]
    )


def test_another_callers_do_not_call_reaches_a_screen_holding_the_same_person() -> None:
    owner, ring = national(), people(1)
    ada, bo = volunteer(), volunteer()
    first = assignment(owner, ring, [ada], name="First")
    second = assignment(owner, ring, [bo], name="Second")
    held_by_bo = served(second, bo)
    mine = served(first, ada)
    assert held_by_bo is not None and mine is not None
    record(mine, ada, "do_not_call")
    response = signed_in(bo).post(
        outcome_url(held_by_bo), {"outcome": "no_answer", "round": "0"}, follow=True
    )
    assert "has asked not to be called" in response.content.decode()
    assert CallAttempt.objects.filter(caller=as_person(bo)).count() == 0


def test_the_screen_notices_an_opt_out_while_it_is_open() -> None:
    owner, ring = national(), people(1)
    ada = volunteer()
    made = assignment(owner, ring, [ada])
    entry = served(made, ada)
    assert entry is not None
    client = signed_in(ada)
    check = reverse("outreach:call_check", args=[made.pk, entry.pk])
    assert client.get(check).status_code == 204
    record_consent(ring[0], "phone", False, "unsubscribed on the website")
    warning = client.get(check).content.decode()
    assert f"{ring[0].full_name} has asked not to be called: please don" in warning
    assert reverse("outreach:call_skip", args=[made.pk, entry.pk]) in warning
