"""Scanning the QR code on a confirmation: organisers confirm a check-in; anyone else is told to show
the code at the door and learns nothing about the person."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import make_user, signed_in_client, verified_client
from groundswell.events.actions.checkin import check_in
from groundswell.events.actions.rsvp import cancel_rsvp
from groundswell.events.models import Attendance
from groundswell.events.qr import checkin_url
from groundswell.events.tests.helpers import new_group
from groundswell.events.tokens import make_token
from groundswell.people.models import HistoryEvent

from .test_checkin_support import Door, door, organiser_of

pytestmark = pytest.mark.django_db


def scan_url(place: Attendance) -> str:
    return reverse("events:scan", args=[make_token("checkin", place.pk)])


def rosa() -> Door:
    return door([("Rosa", "Okafor")])


def test_the_qr_link_is_the_scan_page() -> None:
    d = rosa()

    assert checkin_url(d.places[0]).endswith(scan_url(d.places[0]))


@pytest.mark.parametrize(
    "token",
    ["1:forged", "nonsense", "%00", make_token("cancel", 1), "9" * 40],
)
def test_a_forged_or_mangled_code_is_not_found(token: str) -> None:
    d = rosa()
    token = token.replace("1:", f"{d.places[0].pk}:", 1)

    response = verified_client(d.organiser).get(reverse("events:scan", args=[token]))

    assert response.status_code == 404
    assert not Attendance.objects.filter(attended=True).exists()


def test_a_code_for_a_place_that_no_longer_exists_is_not_found() -> None:
    d = rosa()
    url = scan_url(d.places[0])
    Attendance.objects.all().delete()

    assert verified_client(d.organiser).get(url).status_code == 404


def test_the_organiser_sees_who_it_is_and_a_get_changes_nothing() -> None:
    d = rosa()

    response = verified_client(d.organiser).get(scan_url(d.places[0]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "Rosa Okafor" in page and "Check in Rosa" in page and "Canvass Hackney" in page
    assert not Attendance.objects.get(pk=d.places[0].pk).attended


def test_the_organisers_post_checks_them_in_then_says_when() -> None:
    d = rosa()
    client = verified_client(d.organiser)

    response = client.post(scan_url(d.places[0]), follow=True)

    place = Attendance.objects.get(pk=d.places[0].pk)
    assert place.attended and place.checked_in_at is not None
    page = response.content.decode()
    assert "Rosa Okafor is checked in." in page
    assert "Already checked in at" in page
    assert HistoryEvent.objects.filter(person_id=place.person_id, kind="attended").count() == 1
    client.post(scan_url(d.places[0]))  # scanned again at the door
    assert HistoryEvent.objects.filter(person_id=place.person_id, kind="attended").count() == 1


def test_a_cancelled_place_is_explained_not_checked_in() -> None:
    d = rosa()
    cancel_rsvp(d.places[0])
    client = verified_client(d.organiser)

    page = client.get(scan_url(d.places[0])).content.decode()
    after = client.post(scan_url(d.places[0]), follow=True).content.decode()

    assert "cancelled their place" in page and "Check in Rosa" not in page
    assert "Add them as a walk-in" in after
    assert not Attendance.objects.get(pk=d.places[0].pk).attended


def test_the_attendee_is_told_to_show_the_code_and_sees_no_personal_data() -> None:
    d = rosa()
    person = d.places[0].person
    attendee = make_user(person=person)
    client = verified_client(attendee)

    response = client.get(scan_url(d.places[0]))

    page = response.content.decode()
    main = page[page.index("<main") : page.index("</main>")]
    assert response.status_code == 200
    assert "Show this code to an organiser at the door" in main
    assert "Canvass Hackney" in main
    assert person.given_name not in main and person.family_name not in main
    assert person.emails.get().address not in main
    assert client.post(scan_url(d.places[0])).status_code == 403
    assert not Attendance.objects.get(pk=d.places[0].pk).attended


def test_an_organiser_of_another_group_cannot_check_in_or_see_who() -> None:
    d = rosa()
    other = verified_client(organiser_of(new_group()))

    get = other.get(scan_url(d.places[0]))
    post = other.post(scan_url(d.places[0]))

    assert get.status_code == 200 and b"Okafor" not in get.content
    assert b"Show this code to an organiser" in get.content
    assert post.status_code == 403 and b"Okafor" not in post.content
    assert not Attendance.objects.get(pk=d.places[0].pk).attended


def test_a_group_only_event_is_not_named_to_someone_outside_the_group() -> None:
    d = rosa()
    d.event.visibility = "group"
    d.event.save()

    page = verified_client(make_user()).get(scan_url(d.places[0])).content.decode()

    assert "Show this code to an organiser" in page
    assert "Canvass Hackney" not in page


def test_someone_signed_out_signs_in_then_comes_back() -> None:
    d = rosa()
    url = scan_url(d.places[0])

    get = Client().get(url)
    post = Client().post(url)

    for response in (get, post):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:sign_in"))
        assert "next=" in response["Location"] and "scan" in response["Location"]
    assert not Attendance.objects.get(pk=d.places[0].pk).attended


def test_an_organiser_without_two_factor_verifies_first_and_nothing_changes() -> None:
    d = rosa()
    client = signed_in_client(d.organiser)

    get = client.get(scan_url(d.places[0]))
    post = client.post(scan_url(d.places[0]))

    for response in (get, post):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:two_factor"))
        assert b"Okafor" not in response.content
    assert not Attendance.objects.get(pk=d.places[0].pk).attended


def test_an_already_checked_in_place_shows_the_time() -> None:
    d = rosa()
    place = check_in(d.organiser, d.places[0])
    assert place.checked_in_at is not None

    page = verified_client(d.organiser).get(scan_url(d.places[0])).content.decode()

    local = timezone.localtime(place.checked_in_at).strftime("%H:%M")  # Europe/London
    assert f"Already checked in at {local}" in page and "Check in Rosa" not in page
