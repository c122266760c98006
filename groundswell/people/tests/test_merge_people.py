"""Merging two records: everything moves to the kept one, nothing is lost, and bad merges are refused."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import add_member, make_user
from groundswell.groups.models import Membership
from groundswell.people.actions import add_note, define_custom_field, merge_people, record_consent
from groundswell.people.models import EmailAddress, Person, PhoneNumber, Tag
from groundswell.people.tests.fixtures import Movement, new_group, new_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair() -> tuple[Person, Person]:
    keep = new_person(
        given_name="Jo", family_name="Bloggs", custom_fields={"union": "Unite"}, source=""
    )
    drop = new_person(
        given_name="Joanne",
        family_name="Bloggs",
        membership_status="member",
        postal_code="N1 9GU",
        custom_fields={"union": "GMB", "shoe": "9"},
        source="petition",
    )
    keep.membership_status = "supporter"
    keep.save()
    return keep, drop


def test_it_moves_contacts_tags_notes_history_consent_groups_and_fields(
    pair: tuple[Person, Person],
) -> None:
    keep, drop = pair
    define_custom_field("union", "Union", "text")
    PhoneNumber.objects.create(
        person=keep, number="+441612345678", number_type="landline", primary=True
    )
    PhoneNumber.objects.create(
        person=drop, number="+441612345678", number_type="landline", do_not_call=True
    )
    PhoneNumber.objects.create(
        person=drop, number="+447700900456", number_type="mobile", sms_capable=True, primary=True
    )
    drop.tags.add(Tag.objects.create(name="donor"))
    keep.tags.add(Tag.objects.create(name="volunteer"))
    add_note(drop, None, "Met at the rally")
    record_consent(drop, "email", True, "petition")
    both, only_drop = new_group(), new_group()
    add_member(both, keep)
    add_member(both, drop, Membership.Role.ORGANISER)
    add_member(only_drop, drop)
    drop_emails = set(drop.emails.values_list("address", flat=True))
    actor = make_user()

    merge_people(keep, drop, actor=actor)

    assert not Person.objects.filter(pk=drop.pk).exists()
    keep.refresh_from_db()
    assert drop_emails <= set(keep.emails.values_list("address", flat=True))
    assert keep.emails.filter(primary=True).count() == 1
    assert sorted(keep.phones.values_list("number", "do_not_call")) == [
        ("+441612345678", True),
        ("+447700900456", False),
    ]
    assert keep.phones.filter(primary=True).count() == 1
    assert sorted(keep.tags.values_list("name", flat=True)) == ["donor", "volunteer"]
    assert keep.notes.get().text == "Met at the rally"
    assert keep.email_consent and keep.consent_changes.filter(method="petition").exists()
    assert keep.history.filter(kind="consent").exists()  # drop's history moved too
    roles = dict(keep.memberships.values_list("group_id", "role"))
    assert roles == {both.pk: "organiser", only_drop.pk: "member"}
    assert keep.custom_fields == {"union": "Unite", "shoe": "9"}
    assert (
        keep.membership_status == "member"
        and keep.postal_code == "N1 9GU"
        and keep.source == "petition"
    )
    merged = keep.history.get(kind="merged")
    assert "GMB" in merged.summary and merged.actor == actor
    assert merged.data["dropped"]["given_name"] == "Joanne"
    assert merged.data["dropped"]["id"] == drop.pk


def test_a_withdrawal_on_the_dropped_record_wins_if_it_is_the_latest(
    pair: tuple[Person, Person],
) -> None:
    keep, drop = pair
    now = timezone.now()
    record_consent(keep, "sms", True, "sign-up", at=now - timedelta(days=10))
    record_consent(drop, "sms", False, "replied STOP", at=now - timedelta(days=1))
    merge_people(keep, drop, actor=None)
    keep.refresh_from_db()
    assert keep.sms_consent is False
    assert keep.consent_changes.filter(channel="sms").count() == 2


def test_a_sign_in_account_on_the_dropped_record_moves(pair: tuple[Person, Person]) -> None:
    keep, drop = pair
    user = make_user(person=drop)
    merge_people(keep, drop, actor=None)
    user.refresh_from_db()
    assert user.person_id == keep.pk


def test_two_records_with_accounts_are_refused_and_nothing_changes(
    pair: tuple[Person, Person],
) -> None:
    keep, drop = pair
    make_user(person=keep)
    make_user(person=drop)
    add_note(drop, None, "still here")
    with pytest.raises(ValidationError, match="sign-in account"):
        merge_people(keep, drop, actor=None)
    assert Person.objects.filter(pk=drop.pk).exists()
    assert drop.notes.count() == 1 and keep.notes.count() == 0


def test_a_record_cannot_be_merged_with_itself(pair: tuple[Person, Person]) -> None:
    keep, _ = pair
    with pytest.raises(ValidationError):
        merge_people(keep, keep, actor=None)


def test_the_merge_page_compares_and_merges(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    dupe = new_person(given_name="Ada", family_name="Adams")
    add_member(movement.group_a, dupe)
    search = client.get(reverse("people:merge_search", args=[movement.in_a.pk]))
    assert [p.pk for p in search.context["candidates"]] == [dupe.pk]
    url = reverse("people:merge", args=[movement.in_a.pk, dupe.pk])
    assert "Merge into" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert not Person.objects.filter(pk=dupe.pk).exists()
    assert EmailAddress.objects.filter(person=movement.in_a).count() == 2


def test_the_merge_search_only_offers_people_the_organiser_can_see(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    response = client.get(reverse("people:merge_search", args=[movement.in_a.pk]), {"q": "Bea"})
    assert response.context["candidates"] == []


def test_the_merge_page_explains_a_refusal(movement: Movement) -> None:
    make_user(person=movement.in_a)
    dupe = new_person()
    add_member(movement.group_a, dupe)
    make_user(person=dupe)
    response = movement.client(movement.organiser_a).post(
        reverse("people:merge", args=[movement.in_a.pk, dupe.pk])
    )
    assert response.status_code == 400
    assert "sign-in account" in response.content.decode()
    assert Person.objects.filter(pk=dupe.pk).exists()


def test_a_merge_search_with_a_nul_character_is_answered_not_a_server_error(
    movement: Movement,
) -> None:
    client = movement.client(movement.organiser_a)
    response = client.get(reverse("people:merge_search", args=[movement.in_a.pk]), {"q": "Cal\x00"})
    assert response.status_code == 200
    assert response.context["candidates"] == [movement.in_both]
