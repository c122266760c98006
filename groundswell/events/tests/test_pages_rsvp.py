"""Signing up from the event page: one click when signed in; a short form for anyone else, which
matches an existing person without ever changing their record, records consent as ticked, and
answers the same whether or not the email is known."""

from typing import Any

import pytest
from django.contrib.messages import get_messages
from django.test import Client, override_settings
from django.urls import reverse

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.actions import cancel_event, rsvp_to_shift
from groundswell.events.models import Attendance, Event, Shift
from groundswell.people.models import ConsentChange, EmailAddress, Person, PhoneNumber

from .helpers import national_organiser, new_group, new_person, only_shift
from .pages_helpers import NotifyCalls, placed_event, told

pytestmark = pytest.mark.django_db
__all__ = ["told"]


def rsvp_url(event: Event, shift: Shift | None = None) -> str:
    return reverse("events:rsvp", args=[event.pk, (shift or only_shift(event)).pk])


def said(response: Any) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


GUEST = {
    "given_name": "Ada",
    "family_name": "Lovelace",
    "email": "Ada@Example.org",
    "mobile": "07911 123456",
    "postcode": "e8 1dy",
    "consent_email": "on",
}


def test_a_signed_in_member_signs_up_in_one_click(told: NotifyCalls) -> None:
    event = placed_event()
    user = make_user()
    response = signed_in_client(user).post(rsvp_url(event))
    assert response.status_code == 302
    assert response["Location"] == reverse("events:detail", args=[event.pk])
    place = Attendance.objects.get(person=user.person)
    assert place.status == "accepted"
    assert said(response)[0].startswith("You have a place at Canvass Hackney Central")
    assert [args[0] for args in told.of("rsvp_confirmed")] == [place]


def test_signing_up_twice_keeps_one_place_and_sends_one_confirmation(told: NotifyCalls) -> None:
    event = placed_event()
    client = signed_in_client(make_user())
    client.post(rsvp_url(event))
    client.post(rsvp_url(event))
    assert Attendance.objects.count() == 1
    assert len(told.of("rsvp_confirmed")) == 1


def test_a_full_shift_puts_a_member_on_the_waitlist_and_says_where(told: NotifyCalls) -> None:
    event = placed_event(capacity=1)
    rsvp_to_shift(new_person(), only_shift(event))
    response = signed_in_client(make_user()).post(rsvp_url(event))
    assert "you are number 1 on the waitlist" in said(response)[0]
    assert Attendance.objects.filter(status="waitlisted").count() == 1


def test_a_guest_sees_the_form_and_a_new_person_is_created_with_consent_as_ticked(
    told: NotifyCalls,
) -> None:
    event = placed_event()
    form = Client().get(rsvp_url(event))
    assert form.status_code == 200 and b'name="postcode"' in form.content
    response = Client().post(rsvp_url(event), GUEST)
    assert response.status_code == 302
    person = Person.objects.get(emails__address="ada@example.org")
    assert (person.given_name, person.family_name, person.postal_code) == (
        "Ada",
        "Lovelace",
        "E8 1DY",
    )
    assert person.phones.get().number == "+447911123456"
    assert person.email_consent is True and person.sms_consent is False
    email_consent = ConsentChange.objects.get(person=person, channel="email")
    assert email_consent.granted is True and email_consent.method == "event sign-up form"
    assert ConsentChange.objects.get(person=person, channel="sms").granted is False
    assert Attendance.objects.get(person=person).status == "accepted"
    assert "We've emailed ada@example.org a confirmation" in said(response)[0]
    assert len(told.of("rsvp_confirmed")) == 1


def test_a_guest_matching_an_existing_person_only_adds_what_the_record_lacks(
    told: NotifyCalls,
) -> None:
    event = placed_event()
    known = new_person(given_name="Grace", family_name="Hopper", postal_code="SW1A 1AA",
                       email="ada@example.org", email_consent=True)  # fmt: skip
    ConsentChange.objects.create(person=known, channel="email", granted=True, at=known.created_at,
                                 method="import")  # fmt: skip
    Client().post(rsvp_url(event), {**GUEST, "consent_email": "", "consent_sms": "on"})
    known.refresh_from_db()
    assert (known.given_name, known.family_name, known.postal_code) == (
        "Grace",
        "Hopper",
        "SW1A 1AA",
    )
    assert Person.objects.count() == 2  # the known person and the event's organiser
    assert known.phones.get().number == "+447911123456"  # missing, so added
    assert known.email_consent is True  # an unticked box is not a withdrawal
    assert known.sms_consent is True  # ticked, for the mobile now on the record
    assert Attendance.objects.get().person == known


def test_a_guest_cannot_add_a_second_email_or_a_number_to_a_record_that_has_one() -> None:
    event = placed_event()
    known = new_person(email="grace@example.org")
    PhoneNumber.objects.create(
        person=known, number="+447700900999", number_type="mobile", primary=True
    )
    Client().post(rsvp_url(event), {**GUEST, "email": "grace@example.org", "consent_sms": "on"})
    assert list(known.emails.values_list("address", flat=True)) == ["grace@example.org"]
    assert list(known.phones.values_list("number", flat=True)) == ["+447700900999"]
    known.refresh_from_db()
    assert known.sms_consent is False  # they ticked texts for a number that is not on the record


def test_the_answer_is_the_same_whether_or_not_the_email_is_known() -> None:
    event = placed_event(capacity=5)
    new_person(given_name="Secret", family_name="Person", email="known@example.org")
    answers = []
    for address in ("known@example.org", "unknown@example.org"):
        client = Client()
        response = client.post(rsvp_url(event), {**GUEST, "email": address, "mobile": ""})
        message = said(response)[0].replace(address, "ADDRESS")
        answers.append((response.status_code, response["Location"], message))
        following = client.get(response["Location"]).content.decode()
        assert "Secret" not in following and "You're going" not in following
    assert answers[0] == answers[1]
    assert answers[0][2].startswith("You have a place")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"postcode": "QQ99 9QQ"}, "postcode", "postcode"),
        ({"postcode": ""}, "postcode", "required"),
        ({"email": "ada@"}, "email", "not a valid email address"),
        ({"mobile": "12345"}, "mobile", "phone number"),
        ({"mobile": "020 7946 0000"}, "mobile", "landline"),
        ({"email": "", "mobile": ""}, "email", "email address or a mobile number"),
        ({"mobile": "", "consent_sms": "on"}, "mobile", "give a mobile number"),
        ({"email": "", "consent_email": "on"}, "email", "give an email address"),
        ({"given_name": "x" * 151}, "given_name", "at most 150"),
        ({"given_name": ""}, "given_name", "required"),
    ],
)
def test_bad_guest_input_shows_the_form_again_and_writes_nothing(
    change: dict[str, str], field: str, message: str
) -> None:
    event = placed_event()
    people = Person.objects.count()
    response = Client().post(rsvp_url(event), {**GUEST, **change})
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors.get(field, []))
    assert message in errors
    assert Person.objects.count() == people
    assert not Attendance.objects.exists()
    assert not EmailAddress.objects.filter(address="ada@example.org").exists()


def test_a_refused_sign_up_says_why_and_leaves_no_new_record() -> None:
    event = placed_event()
    cancel_event(national_organiser(), event)
    people = Person.objects.count()
    response = Client().post(rsvp_url(event), GUEST)
    assert response.status_code == 200
    assert "has been cancelled" in response.content.decode()
    assert Person.objects.count() == people and not Attendance.objects.exists()
    member = signed_in_client(make_user())
    assert "has been cancelled" in said(member.post(rsvp_url(event)))[0]


@override_settings(SIGN_IN_MAX_FAILURES=1)  # so one address may sign up 4 guests in the window
def test_guest_sign_ups_are_throttled_per_network() -> None:
    event = placed_event(capacity=10)
    for n in range(4):
        response = Client().post(
            rsvp_url(event), {**GUEST, "email": f"g{n}@example.org", "mobile": ""}
        )
        assert response.status_code == 302
    response = Client().post(rsvp_url(event), {**GUEST, "email": "g5@example.org", "mobile": ""})
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert Attendance.objects.count() == 4


def test_a_shift_of_another_event_or_an_unseen_event_is_404() -> None:
    event, other = placed_event(), placed_event()
    assert Client().get(rsvp_url(event, only_shift(other))).status_code == 404
    hidden = placed_event(host_group=new_group(), visibility="group")
    assert Client().post(rsvp_url(hidden), GUEST).status_code == 404
    assert signed_in_client(make_user()).post(rsvp_url(hidden)).status_code == 404
    assert not Attendance.objects.exists()


def test_the_referrer_source_is_kept_on_the_place() -> None:
    event = placed_event()
    signed_in_client(make_user()).post(rsvp_url(event), {"source": "nearest-target"})
    assert Attendance.objects.get().referrer_data == {"source": "nearest-target"}
