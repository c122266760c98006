"""Ticking people in, unticking, and walk-ins: the actions behind the door's check-in list."""

import pytest
from django.core.exceptions import PermissionDenied

from groundswell.events.actions.checkin import (
    CheckInRefused,
    add_walk_in,
    check_in,
    undo_check_in,
)
from groundswell.events.actions.rsvp import cancel_rsvp
from groundswell.events.models import Attendance, Event, EventStatus
from groundswell.events.tests.helpers import new_group, new_person
from groundswell.people.models import ConsentChange, EmailAddress, HistoryEvent, Person

from .test_checkin_support import door, member_of, organiser_of, sign_up

pytestmark = pytest.mark.django_db


def history(person_id: int, kind: str) -> list[HistoryEvent]:
    return list(HistoryEvent.objects.filter(person_id=person_id, kind=kind))


def test_checking_in_ticks_the_place_and_writes_history_once() -> None:
    d = door([("Rosa", "Okafor")])
    place = d.places[0]

    check_in(d.organiser, place)
    first = Attendance.objects.get(pk=place.pk)
    check_in(d.organiser, place)  # a second tap, or a second organiser
    again = Attendance.objects.get(pk=place.pk)

    assert first.attended and first.checked_in_at is not None
    assert again.checked_in_at == first.checked_in_at
    attended = history(place.person_id, "attended")
    assert len(attended) == 1
    assert "Canvass Hackney" in attended[0].summary
    assert attended[0].actor == d.organiser
    assert attended[0].data["attendance_id"] == place.pk


def test_undo_clears_the_tick_and_says_so_in_history() -> None:
    d = door([("Rosa", "Okafor")])
    place = d.places[0]
    check_in(d.organiser, place)

    undo_check_in(d.organiser, place)
    undo_check_in(d.organiser, place)  # nothing left to undo: no second entry

    current = Attendance.objects.get(pk=place.pk)
    assert not current.attended and current.checked_in_at is None
    assert current.status == "accepted"
    assert len(history(place.person_id, "check_in_undone")) == 1


def test_someone_on_the_waitlist_who_turns_up_gets_a_place() -> None:
    d = door([("Rosa", "Okafor")], capacity=1)
    waiting = sign_up(d.shift, "Kwame", "Mensah")
    assert waiting.status == "waitlisted"

    check_in(d.organiser, waiting)

    current = Attendance.objects.get(pk=waiting.pk)
    assert current.status == "accepted" and current.attended
    assert "waitlist" in history(waiting.person_id, "attended")[0].summary


def test_a_cancelled_place_cannot_be_ticked() -> None:
    d = door([("Rosa", "Okafor")])
    cancel_rsvp(d.places[0])

    with pytest.raises(CheckInRefused, match="cancelled their place"):
        check_in(d.organiser, d.places[0])

    assert not Attendance.objects.get(pk=d.places[0].pk).attended
    assert not history(d.places[0].person_id, "attended")


def test_a_cancelled_event_refuses_ticks_but_allows_undoing_one() -> None:
    d = door([("Rosa", "Okafor"), ("Kwame", "Mensah")])
    check_in(d.organiser, d.places[0])
    Event.objects.filter(pk=d.event.pk).update(status=EventStatus.CANCELLED)

    with pytest.raises(CheckInRefused, match="cancelled"):
        check_in(d.organiser, d.places[1])
    undo_check_in(d.organiser, d.places[0])

    assert not Attendance.objects.filter(attended=True).exists()


def test_organisers_of_another_group_and_members_are_refused() -> None:
    d = door([("Rosa", "Okafor")])
    other = organiser_of(new_group())
    member = member_of(d.group)

    for outsider in (other, member):
        with pytest.raises(PermissionDenied):
            check_in(outsider, d.places[0])
        with pytest.raises(PermissionDenied):
            add_walk_in(outsider, d.shift, given_name="Sam", email="sam@example.org")
    check_in(d.organiser, d.places[0])
    with pytest.raises(PermissionDenied):
        undo_check_in(other, d.places[0])

    assert Attendance.objects.get(pk=d.places[0].pk).attended
    assert not Person.objects.filter(given_name="Sam").exists()


def test_a_walk_in_gets_a_place_on_a_full_shift_and_is_ticked_in() -> None:
    d = door([("Rosa", "Okafor")], capacity=1)

    place = add_walk_in(
        d.organiser,
        d.shift,
        given_name=" Aisha ",
        family_name="Patel",
        email="Aisha@Example.org",
        mobile="07911 123456",
        postal_code="e8 1dy",
        email_consent=True,
    )

    assert place.status == "accepted" and place.walk_in and place.attended
    assert place.checked_in_at is not None
    assert Attendance.objects.filter(shift=d.shift, status="accepted").count() == 2
    person = Person.objects.get(pk=place.person_id)
    assert person.full_name == "Aisha Patel"
    assert person.emails.get().address == "aisha@example.org"
    assert person.phones.get().number == "+447911123456"
    assert person.postal_code == "E8 1DY" and person.lat is not None
    assert person.email_consent and not person.sms_consent
    assert "walked in" in history(person.pk, "attended")[0].summary


def test_a_walk_in_with_a_known_email_keeps_that_persons_details() -> None:
    d = door([])
    known = new_person(given_name="Margaret", family_name="Hodge", email="mh@example.org")
    known.email_consent = True
    known.save()

    place = add_walk_in(
        d.organiser,
        d.shift,
        given_name="Maggie",
        family_name="Typo",
        email="MH@example.org",
        mobile="07911 123457",
        postal_code="SW1A 1AA",
    )

    assert place.person_id == known.pk
    known.refresh_from_db()
    assert known.full_name == "Margaret Hodge"
    assert known.postal_code == ""
    assert not known.phones.exists()
    assert known.email_consent  # an unticked box never withdraws consent given before
    assert not ConsentChange.objects.filter(person=known).exists()
    assert Person.objects.count() == 2  # the organiser and Margaret


def test_a_walk_in_who_had_signed_up_is_simply_ticked_in() -> None:
    d = door([("Rosa", "Okafor")])
    address = EmailAddress.objects.get(person_id=d.places[0].person_id).address

    place = add_walk_in(d.organiser, d.shift, given_name="Rosa", email=address)

    assert place.pk == d.places[0].pk
    assert place.attended and not place.walk_in


def test_a_walk_in_who_had_cancelled_comes_back_as_a_walk_in() -> None:
    d = door([("Rosa", "Okafor")])
    cancel_rsvp(d.places[0])
    address = EmailAddress.objects.get(person_id=d.places[0].person_id).address

    place = add_walk_in(d.organiser, d.shift, given_name="Rosa", email=address)

    assert place.pk == d.places[0].pk
    assert place.status == "accepted" and place.walk_in and place.attended


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"given_name": "  ", "email": "a@example.org"}, "first name"),
        ({"given_name": "Sam"}, "email address or a mobile"),
        ({"given_name": "Sam", "email": "not an email"}, "not a valid email"),
        ({"given_name": "Sam", "mobile": "12"}, "phone number"),
        (
            {"given_name": "Sam", "email": "s@example.org", "postal_code": "ZZ99 9ZZ"},
            "valid UK postcode",
        ),
        ({"given_name": "S" * 151, "email": "s@example.org"}, "150 characters"),
    ],
)
def test_bad_walk_in_details_are_refused_and_nothing_is_written(
    fields: dict[str, str], message: str
) -> None:
    d = door([])
    people, history_rows = Person.objects.count(), HistoryEvent.objects.count()

    with pytest.raises(CheckInRefused, match=message):
        add_walk_in(d.organiser, d.shift, **fields)  # type: ignore[arg-type]

    assert Person.objects.count() == people
    assert HistoryEvent.objects.count() == history_rows
    assert not Attendance.objects.filter(shift=d.shift).exists()


def test_a_national_organiser_can_check_in_at_any_groups_event() -> None:
    from groundswell.events.tests.helpers import national_organiser

    d = door([("Rosa", "Okafor")])

    check_in(national_organiser(), d.places[0])

    assert Attendance.objects.get(pk=d.places[0].pk).attended
