"""The person page: what it shows, and the changes organisers make from it."""

from typing import Any

import pytest
from django.urls import reverse

from groundswell.core.testing import add_member
from groundswell.groups.models import Membership
from groundswell.people.actions import define_custom_field, record_consent
from groundswell.people.models import Note, PhoneNumber, Tag
from groundswell.people.tests.fixtures import Movement, new_group

pytestmark = pytest.mark.django_db


def test_it_shows_contacts_consent_history_and_groups(
    movement: Movement, django_assert_max_num_queries: Any
) -> None:
    person = movement.in_a
    PhoneNumber.objects.create(
        person=person,
        number="+447700900123",
        number_type="mobile",
        sms_capable=True,
        do_not_call=True,
        primary=True,
    )
    record_consent(person, "sms", True, "sign-up form", movement.national)
    record_consent(person, "sms", False, "replied STOP", None)
    client = movement.client(movement.national)
    client.get(reverse("people:list"))
    with django_assert_max_num_queries(20):
        response = client.get(reverse("people:detail", args=[person.pk]))
    html = response.content.decode()
    assert "+447700900123" in html and "Do not call" in html and "Texts" in html
    assert "sign-up form" in html and "replied STOP" in html and movement.national.email in html
    sms = next(c for c in response.context["page"].consent if c.value == "sms")
    assert sms.granted is False and [c.granted for c in sms.changes] == [False, True]
    assert "Alpha Group" in html


def test_an_organiser_sees_only_their_groups_and_a_count_of_the_rest(movement: Movement) -> None:
    person = movement.in_both  # in group A (member) and B (organiser)
    response = movement.client(movement.organiser_a).get(reverse("people:detail", args=[person.pk]))
    page = response.context["page"]
    assert [m.group.name for m in page.memberships] == ["Alpha Group"]
    assert page.other_groups == 1
    assert "Beta Group" not in response.content.decode()


def test_adding_a_note_records_author_and_time_and_returns_the_fragment(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    url = reverse("people:add_note", args=[movement.in_a.pk])
    response = client.post(url, {"text": "Keen to canvass"}, headers={"HX-Request": "true"})
    note = Note.objects.get(person=movement.in_a)
    assert note.author == movement.organiser_a and note.created_at
    html = response.content.decode()
    assert "Keen to canvass" in html and "<html" not in html


def test_an_empty_note_is_refused_with_a_message(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    url = reverse("people:add_note", args=[movement.in_a.pk])
    response = client.post(url, {"text": "   "}, headers={"HX-Request": "true"})
    assert "required" in response.content.decode()
    assert not Note.objects.exists()


def test_tags_are_added_and_removed_in_place(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    person = movement.in_a
    Tag.objects.create(name="Volunteer")
    response = client.post(
        reverse("people:add_tag", args=[person.pk]),
        {"name": " volunteer "},
        headers={"HX-Request": "true"},
    )
    assert [t.name for t in person.tags.all()] == ["Volunteer"]  # matched, not duplicated
    assert "Volunteer" in response.content.decode()
    tag = person.tags.get()
    client.post(
        reverse("people:remove_tag", args=[person.pk, tag.pk]), headers={"HX-Request": "true"}
    )
    assert not person.tags.exists()
    assert [e.kind for e in person.history.all()[:2]] == ["untagged", "tagged"]


def test_without_javascript_a_tag_post_redirects_back_to_the_page(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    response = client.post(reverse("people:add_tag", args=[movement.in_a.pk]), {"name": "new one"})
    assert response.status_code == 302
    assert movement.in_a.tags.filter(name="new one").exists()


def test_custom_fields_are_checked_by_kind_and_bad_input_writes_nothing(movement: Movement) -> None:
    define_custom_field("shifts", "Shifts done", "number")
    define_custom_field("union", "Union", "choice", ["Unite", "GMB"])
    client = movement.client(movement.organiser_a)
    url = reverse("people:edit_custom_fields", args=[movement.in_a.pk])
    response = client.post(
        url, {"shifts": "lots", "union": "Unite"}, headers={"HX-Request": "true"}
    )
    assert "must be a number" in response.content.decode()
    movement.in_a.refresh_from_db()
    assert movement.in_a.custom_fields == {}
    response = client.post(url, {"shifts": "3", "union": "Neither"}, headers={"HX-Request": "true"})
    assert "Select a valid choice" in response.content.decode()
    client.post(url, {"shifts": "3", "union": "Unite"}, headers={"HX-Request": "true"})
    movement.in_a.refresh_from_db()
    assert movement.in_a.custom_fields == {"shifts": 3, "union": "Unite"}


def test_editing_details_places_the_new_postcode(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    person = movement.in_a
    data = {
        "given_name": "Ada",
        "family_name": "Adams-Lovelace",
        "postal_code": "sw1a1aa",
        "membership_status": "lapsed",
    }
    response = client.post(reverse("people:edit", args=[person.pk]), data)
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.family_name == "Adams-Lovelace" and person.postal_code == "SW1A 1AA"
    assert person.constituency and person.constituency.name == "Cities of London and Westminster"
    assert person.lat and person.lapsed_on is not None
    latest = person.history.first()
    assert latest and "postal_code" in latest.summary


def test_editing_with_an_email_someone_else_has_is_refused_and_writes_nothing(
    movement: Movement,
) -> None:
    client = movement.client(movement.national)
    theirs = movement.in_b.emails.get().address
    data = {
        "given_name": "Changed",
        "family_name": "Adams",
        "membership_status": "member",
        "new_email": theirs.upper(),
    }
    response = client.post(reverse("people:edit", args=[movement.in_a.pk]), data)
    assert response.status_code == 400
    assert "merge" in response.content.decode()
    movement.in_a.refresh_from_db()
    assert movement.in_a.given_name == "Ada"


def test_a_bad_postcode_in_the_edit_form_is_explained(movement: Movement) -> None:
    client = movement.client(movement.national)
    data = {
        "given_name": "Ada",
        "family_name": "Adams",
        "membership_status": "member",
        "postal_code": "SW1A OAA",
    }
    response = client.post(reverse("people:edit", args=[movement.in_a.pk]), data)
    assert response.status_code == 400
    assert "SW1A 0AA" in response.content.decode()  # the suggestion


def test_recording_consent_keeps_how_and_who(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    url = reverse("people:record_consent", args=[movement.in_a.pk])
    client.post(url, {"channel": "phone", "granted": "yes", "method": "at the AGM"})
    movement.in_a.refresh_from_db()
    change = movement.in_a.consent_changes.get()
    assert (
        movement.in_a.phone_consent
        and change.method == "at the AGM"
        and change.recorded_by == movement.organiser_a
    )


def test_an_organiser_of_the_group_is_shown_as_one(movement: Movement) -> None:
    group = new_group(name="Gamma")
    add_member(group, movement.in_a, Membership.Role.ORGANISER)
    response = movement.client(movement.national).get(
        reverse("people:detail", args=[movement.in_a.pk])
    )
    assert "Organiser" in response.content.decode()
