"""The check-in list at the door: who may open it, searching it, ticking, and adding walk-ins."""

from datetime import timedelta
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import signed_in_client, verified_client
from groundswell.events.actions.checkin import check_in
from groundswell.events.models import Attendance, Shift
from groundswell.events.queries.checkin import default_shift
from groundswell.events.tests.helpers import national_organiser, new_group
from groundswell.people.models import HistoryEvent, Person

from .test_checkin_support import Door, door, member_of, organiser_of, sign_up

pytestmark = pytest.mark.django_db

HTMX: dict[str, Any] = {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "attendees"}


def list_url(d: Door) -> str:
    return reverse("events:checkin", args=[d.event.pk])


def toggle_url(d: Door, place: Attendance) -> str:
    return reverse("events:checkin_toggle", args=[d.event.pk, place.pk])


def walk_in_url(d: Door) -> str:
    return reverse("events:walk_in", args=[d.event.pk])


def test_the_organiser_sees_everyone_with_a_place_and_the_count() -> None:
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah"), ("Aisha", "Patel")])
    check_in(d.organiser, d.places[0])

    page = verified_client(d.organiser).get(list_url(d)).content.decode()

    assert "Rosa Okafor" in page and "Kwame Mensah" in page and "Aisha Patel" in page
    assert "<strong>1</strong> of 3 here" in page
    assert page.index("Aisha Patel") < page.index("Kwame Mensah") < page.index("Rosa Okafor")


def test_the_waitlist_is_listed_separately() -> None:
    d = door([("Rosa", "Okafor")], capacity=1)
    sign_up(d.shift, "Kwame", "Mensah")

    page = verified_client(d.organiser).get(list_url(d)).content.decode()

    waitlist = page[page.index("On the waitlist (1)") :]
    assert "Kwame Mensah" in waitlist and "Rosa Okafor" not in waitlist
    assert "<strong>0</strong> of 1 here" in page


def test_an_organiser_of_another_group_is_refused_and_sees_no_names() -> None:
    d = door([("Rosa", "Okafor")])
    other = verified_client(organiser_of(new_group()))

    responses = [
        other.get(list_url(d)),
        other.get(list_url(d), {"q": "Rosa"}, **HTMX),
        other.post(toggle_url(d, d.places[0]), {"checked_in": "1"}),
        other.post(walk_in_url(d), {"given_name": "Sam", "email": "sam@example.org"}),
    ]

    assert [r.status_code for r in responses] == [403, 403, 403, 403]
    assert all(b"Rosa" not in r.content and b"Okafor" not in r.content for r in responses)
    assert not Attendance.objects.filter(attended=True).exists()
    assert not Person.objects.filter(given_name="Sam").exists()


def test_a_plain_member_of_the_group_is_refused() -> None:
    d = door([("Rosa", "Okafor")])
    member = verified_client(member_of(d.group))

    response = member.get(list_url(d))

    assert response.status_code == 403
    assert b"Okafor" not in response.content


def test_nobody_signed_in_is_sent_to_sign_in() -> None:
    d = door([("Rosa", "Okafor")])

    response = Client().get(list_url(d))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:sign_in"))
    assert "next=" in response["Location"]


def test_an_organiser_without_two_factor_is_sent_to_verify_first() -> None:
    d = door([("Rosa", "Okafor")])

    response = signed_in_client(d.organiser).get(list_url(d))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor"))
    assert b"Okafor" not in response.content


def test_the_search_filters_by_name_or_email_as_you_type() -> None:
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah")])
    Person.objects.filter(pk=d.places[1].person_id).update(given_name="Kwame")
    d.places[1].person.emails.update(address="kmensah@union.example")
    client = verified_client(d.organiser)

    by_name = client.get(list_url(d), {"q": "okaf"}, **HTMX).content.decode()
    by_email = client.get(list_url(d), {"q": "union.example"}, **HTMX).content.decode()
    full_name = client.get(list_url(d), {"q": "rosa okafor"}, **HTMX).content.decode()
    nobody = client.get(list_url(d), {"q": "zzz"}, **HTMX).content.decode()

    assert "Rosa Okafor" in by_name and "Kwame" not in by_name
    assert "Kwame Mensah" in by_email and "Rosa" not in by_email
    assert "Rosa Okafor" in full_name and "Kwame" not in full_name
    assert "No one with a place matches “zzz”" in nobody
    assert "<html" not in by_name  # only the list, swapped in place


def test_a_search_without_htmx_shows_the_whole_page_filtered() -> None:
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah")])

    page = verified_client(d.organiser).get(list_url(d), {"q": "kwame"}).content.decode()

    assert "Kwame Mensah" in page and "Rosa Okafor" not in page
    assert "<strong>0</strong> of 2 here" in page  # counts are for the whole shift


def test_hostile_search_text_is_harmless() -> None:
    d = door([("Rosa", "Okafor")])
    client = verified_client(d.organiser)

    for q in ["\x00", "%", "_", "<script>alert(1)</script>", "x" * 5000]:
        response = client.get(list_url(d), {"q": q}, **HTMX)
        assert response.status_code == 200
        assert b"<script>alert" not in response.content


def test_with_several_shifts_it_opens_on_the_one_on_now_and_others_can_be_chosen() -> None:
    d = door([("Rosa", "Okafor")])
    now = timezone.now()
    earlier = Shift.objects.create(
        event=d.event, start=now - timedelta(hours=5), end=now - timedelta(hours=3), capacity=5
    )
    on_now = Shift.objects.create(
        event=d.event, start=now - timedelta(hours=1), end=now + timedelta(hours=1), capacity=5
    )
    Attendance.objects.create(
        shift=on_now, person=d.places[0].person, status="accepted", queued_at=now, action_date=now
    )
    client = verified_client(d.organiser)

    default = client.get(list_url(d)).content.decode()
    chosen = client.get(list_url(d), {"shift": earlier.pk}).content.decode()

    assert f'value="{on_now.pk}" selected' in default and "<strong>0</strong> of 1 here" in default
    assert f'value="{earlier.pk}" selected' in chosen and "No one has a place" in chosen


def test_a_shift_of_another_event_is_not_found_and_a_malformed_one_is_ignored() -> None:
    d = door([("Rosa", "Okafor")])
    elsewhere = door([("Kwame", "Mensah")])
    client = verified_client(d.organiser)

    assert client.get(list_url(d), {"shift": elsewhere.shift.pk}).status_code == 404
    malformed = client.get(list_url(d), {"shift": "1 OR 1=1"})
    assert malformed.status_code == 200 and b"Rosa Okafor" in malformed.content


def test_the_list_takes_the_same_few_queries_for_many_people() -> None:
    d = door([("Rosa", "Okafor")], capacity=60)
    client = verified_client(d.organiser)
    client.get(list_url(d))
    with CaptureQueriesContext(connection) as few:
        client.get(list_url(d))
    for n in range(30):
        check_in(d.organiser, sign_up(d.shift, f"Person{n}", "Smith"))
    with CaptureQueriesContext(connection) as many:
        page = client.get(list_url(d)).content.decode()

    assert "<strong>30</strong> of 31 here" in page
    assert len(many) == len(few) <= 14


def test_ticking_by_htmx_returns_the_row_and_the_new_count() -> None:
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah")])
    client = verified_client(d.organiser)

    response = client.post(toggle_url(d, d.places[0]), {"checked_in": "1"}, HTTP_HX_REQUEST="true")

    body = response.content.decode()
    assert response.status_code == 200
    assert f'id="attendance-{d.places[0].pk}"' in body and 'aria-pressed="true"' in body
    assert 'hx-swap-oob="true"' in body and "<strong>1</strong> of 2 here" in body
    assert Attendance.objects.get(pk=d.places[0].pk).attended


def test_ticking_twice_is_idempotent_and_unticking_writes_history() -> None:
    d = door([("Rosa", "Okafor")])
    client = verified_client(d.organiser)
    place = d.places[0]

    for _ in range(2):
        response = client.post(toggle_url(d, place), {"checked_in": "1"})
        assert response.status_code == 302
    kinds = list(
        HistoryEvent.objects.filter(person_id=place.person_id).values_list("kind", flat=True)
    )
    assert kinds.count("attended") == 1
    client.post(toggle_url(d, place), {"checked_in": "0"}, HTTP_HX_REQUEST="true")

    assert not Attendance.objects.get(pk=place.pk).attended
    assert (
        HistoryEvent.objects.filter(person_id=place.person_id, kind="check_in_undone").count() == 1
    )


def test_a_malformed_toggle_is_refused_and_changes_nothing() -> None:
    d = door([("Rosa", "Okafor")])
    client = verified_client(d.organiser)

    response = client.post(toggle_url(d, d.places[0]), {"checked_in": "yes please"})
    get = client.get(toggle_url(d, d.places[0]))

    assert response.status_code == 400 and b"checked_in=1" in response.content
    assert get.status_code == 405
    assert not Attendance.objects.filter(attended=True).exists()


def test_a_place_at_another_event_cannot_be_ticked_through_this_one() -> None:
    mine = door([("Rosa", "Okafor")])
    theirs = door([("Kwame", "Mensah")])

    url = reverse("events:checkin_toggle", args=[mine.event.pk, theirs.places[0].pk])
    response = verified_client(mine.organiser).post(url, {"checked_in": "1"})

    assert response.status_code == 404
    assert not Attendance.objects.get(pk=theirs.places[0].pk).attended


def test_a_refused_tick_by_htmx_shows_why_in_the_row() -> None:
    d = door([("Rosa", "Okafor")])
    d.event.status = "cancelled"
    d.event.save()

    response = verified_client(d.organiser).post(
        toggle_url(d, d.places[0]), {"checked_in": "1"}, HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert "has been cancelled" in response.content.decode()
    assert not Attendance.objects.filter(attended=True).exists()


def test_a_walk_in_is_added_on_a_full_shift_and_shown_ticked() -> None:
    d = door([("Rosa", "Okafor")], capacity=1)
    client = verified_client(d.organiser)

    response = client.post(
        walk_in_url(d),
        {
            "shift": d.shift.pk,
            "given_name": "Aisha",
            "family_name": "Patel",
            "mobile": "07911 123456",
            "sms_consent": "on",
        },
        follow=True,
    )

    page = response.content.decode()
    assert "Aisha Patel is checked in." in page
    assert "<strong>1</strong> of 2 here" in page and "walk-in" in page
    aisha = Person.objects.get(given_name="Aisha")
    assert aisha.sms_consent and not aisha.email_consent


def test_a_walk_in_with_a_known_email_does_not_rename_them() -> None:
    d = door([("Rosa", "Okafor")])
    address = d.places[0].person.emails.get().address

    verified_client(d.organiser).post(
        walk_in_url(d), {"shift": d.shift.pk, "given_name": "Rose", "email": address.upper()}
    )

    rosa = Person.objects.get(pk=d.places[0].person_id)
    assert rosa.full_name == "Rosa Okafor"
    assert Attendance.objects.get(pk=d.places[0].pk).attended


def test_bad_walk_in_input_says_why_and_writes_nothing() -> None:
    d = door([("Rosa", "Okafor")])
    client = verified_client(d.organiser)
    people = Person.objects.count()

    no_contact = client.post(walk_in_url(d), {"shift": d.shift.pk, "given_name": "Sam"})
    bad_email = client.post(
        walk_in_url(d), {"shift": d.shift.pk, "given_name": "Sam", "email": "sam@"}
    )
    no_name = client.post(walk_in_url(d), {"shift": d.shift.pk, "email": "sam@example.org"})
    too_long = client.post(
        walk_in_url(d), {"shift": "x", "given_name": "S" * 500, "email": "sam@example.org"}
    )

    assert [r.status_code for r in (no_contact, bad_email, no_name, too_long)] == [400] * 4
    assert "an email address or a mobile number" in no_contact.content.decode()
    assert "is not a valid email address" in bad_email.content.decode()
    assert "This field is required" in no_name.content.decode()
    assert "at most 150 characters" in too_long.content.decode()
    assert Person.objects.count() == people
    assert Attendance.objects.count() == 1


def test_a_national_organiser_opens_any_groups_list() -> None:
    d = door([("Rosa", "Okafor")])

    response = verified_client(national_organiser()).get(list_url(d))

    assert response.status_code == 200 and b"Rosa Okafor" in response.content


def test_the_default_shift_is_the_one_on_now_else_the_next_else_the_last() -> None:
    now = timezone.now()

    def shift(hours_from_now: int) -> Shift:
        start = now + timedelta(hours=hours_from_now)
        return Shift(start=start, end=start + timedelta(hours=2), capacity=1)

    past, on_now, soon, later = shift(-5), shift(-1), shift(3), shift(8)

    assert default_shift([past, on_now, soon, later], now) is on_now
    assert default_shift([past, soon, later], now) is soon
    assert default_shift([shift(-9), past], now) is past
