"""Calendar downloads and feeds: what each shows, to whom, and that forged links find nothing."""

from datetime import timedelta

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.core.testing import add_member, make_user, signed_in_client
from groundswell.events.models import Event, Shift
from groundswell.events.tokens import make_token, read_token
from groundswell.people.models import Person

from .helpers import new_group, new_person, only_shift
from .notify_helpers import group_event, only_vevent, place, placed_event

pytestmark = pytest.mark.django_db


def _calendar(response: object) -> icalendar.Calendar:
    assert response.status_code == 200  # type: ignore[attr-defined]
    assert response["Content-Type"] == "text/calendar; charset=utf-8"  # type: ignore[index]
    return icalendar.Calendar.from_ical(response.content)  # type: ignore[attr-defined]


def _titles(calendar: icalendar.Calendar) -> list[str]:
    return sorted(str(vevent["summary"]) for vevent in calendar.walk("VEVENT"))


def _member_user(person: Person | None = None) -> User:
    return make_user(person=person or new_person())  # confirmed: acts as its person


def _ics_url(shift: Shift) -> str:
    return reverse("events:shift_ics", args=[shift.event_id, shift.pk])


def test_anyone_downloads_a_public_shift_without_the_instructions() -> None:
    shift = only_shift(placed_event())
    response = Client().get(_ics_url(shift))
    assert response["Content-Disposition"].startswith("attachment;")
    vevent = only_vevent(_calendar(response))
    assert vevent.decoded("dtstart") == shift.start.replace(microsecond=0)
    assert "side bell" not in str(vevent["description"])


def test_someone_with_a_place_downloads_it_with_the_instructions() -> None:
    shift = only_shift(placed_event())
    user = _member_user()
    place(shift, user.person)
    response = signed_in_client(user).get(_ics_url(shift))
    assert "side bell" in str(only_vevent(_calendar(response))["description"])


def test_a_download_of_an_event_you_may_not_see_or_a_shift_of_another_event_is_404() -> None:
    members_only = only_shift(placed_event(visibility="members"))
    group_only = only_shift(group_event(new_group(), visibility="group"))
    public = only_shift(placed_event())
    client = Client()
    assert client.get(_ics_url(members_only)).status_code == 404
    assert client.get(_ics_url(group_only)).status_code == 404
    wrong = reverse("events:shift_ics", args=[public.event_id, members_only.pk])
    assert client.get(wrong).status_code == 404
    assert client.get(reverse("events:shift_ics", args=[999999, 1])).status_code == 404
    assert client.post(_ics_url(public)).status_code == 405


def _person_feed(person_id: int) -> str:
    return reverse("events:person_feed", args=[make_token("person-feed", person_id)])


def test_a_persons_feed_shows_only_their_own_places_with_instructions() -> None:
    person, other = new_person(), new_person()
    mine = only_shift(placed_event(title="Mine"))
    waiting = only_shift(placed_event(title="Waitlisted", capacity=1))
    dropped = only_shift(placed_event(title="Cancelled place"))
    theirs = only_shift(placed_event(title="Someone else's"))
    long_ago = only_shift(
        placed_event(title="Last year", start=timezone.now() - timedelta(days=365))
    )
    place(mine, person)
    place(waiting, person, status="waitlisted")
    place(dropped, person, status="cancelled")
    place(theirs, other)
    place(long_ago, person)
    response = Client().get(_person_feed(person.pk))
    calendar = _calendar(response)
    assert _titles(calendar) == ["Mine"]
    assert "side bell" in str(only_vevent(calendar)["description"])
    assert "private" in response["Cache-Control"]


def test_a_persons_feed_keeps_recent_past_places_and_marks_cancelled_events() -> None:
    person = new_person()
    recent = only_shift(placed_event(title="Last week", start=timezone.now() - timedelta(days=7)))
    off = only_shift(placed_event(title="Called off"))
    place(recent, person)
    place(off, person)
    Event.objects.filter(pk=off.event_id).update(status="cancelled")
    calendar = _calendar(Client().get(_person_feed(person.pk)))
    assert _titles(calendar) == ["Called off", "Last week"]
    status = {str(v["summary"]): str(v["status"]) for v in calendar.walk("VEVENT")}
    assert status == {"Called off": "CANCELLED", "Last week": "CONFIRMED"}


@pytest.mark.parametrize(
    "token",
    [
        "1:forged-signature",
        "not-a-token",
        "%00",
        "1",
        "x" * 300,
    ],
)
def test_a_forged_or_mangled_feed_token_finds_nothing(token: str) -> None:
    person = new_person()
    place(only_shift(placed_event()), person)
    url = reverse("events:person_feed", args=["TOKEN"]).replace("TOKEN", token)
    assert Client().get(url).status_code == 404


def test_a_token_made_for_another_purpose_or_a_missing_person_finds_nothing() -> None:
    person = new_person()
    place(only_shift(placed_event()), person)
    cancel_token = make_token("cancel", person.pk)
    assert Client().get(reverse("events:person_feed", args=[cancel_token])).status_code == 404
    assert Client().get(_person_feed(999999)).status_code == 404


def test_a_group_feed_lists_its_public_approved_events_only_without_instructions() -> None:
    group, elsewhere = new_group(slug="hackney"), new_group()
    group_event(group, title="Public canvass")
    group_event(group, title="Members' meeting", visibility="members")
    group_event(group, title="Group social", visibility="group")
    group_event(elsewhere, title="Another group's")
    awaiting = group_event(group, title="Proposal")
    Event.objects.filter(pk=awaiting.pk).update(approval="awaiting")
    response = Client().get(reverse("events:group_feed", args=["hackney"]))
    calendar = _calendar(response)
    assert _titles(calendar) == ["Public canvass"]
    assert str(calendar["x-wr-calname"]) == group.name
    description = str(only_vevent(calendar)["description"])
    assert "side bell" not in description and "meet.example.org" not in description
    assert "public" in response["Cache-Control"]


def test_a_group_feed_of_an_unknown_or_closed_group_is_404() -> None:
    new_group(slug="closed", is_active=False)
    assert Client().get(reverse("events:group_feed", args=["nowhere"])).status_code == 404
    assert Client().get(reverse("events:group_feed", args=["closed"])).status_code == 404


def test_the_calendar_page_needs_signing_in() -> None:
    response = Client().get(reverse("events:calendar_links"))
    assert response.status_code == 302 and "/accounts/" in response["Location"]


def test_the_calendar_page_gives_my_own_feed_and_my_groups_feeds() -> None:
    person = new_person()
    mine, not_mine = (
        new_group(name="Hackney for Change", slug="hackney"),
        new_group(name="Elsewhere"),
    )
    add_member(mine, person)
    user = _member_user(person)
    response = signed_in_client(user).get(reverse("events:calendar_links"))
    assert response.status_code == 200
    html = response.content.decode()
    own = reverse("events:person_feed", args=[make_token("person-feed", person.pk)])
    assert f"http://127.0.0.1:8000{own}" in html
    assert f"webcal://127.0.0.1:8000{own}" in html
    assert "webcal://127.0.0.1:8000/events/groups/hackney/calendar.ics" in html
    assert "Hackney for Change" in html and "Elsewhere" not in html
    assert not_mine.slug not in html
    token = own.split("/")[-1].removesuffix(".ics")
    assert read_token("person-feed", token) == person.pk


def test_an_account_not_yet_proved_to_be_its_person_gets_no_personal_feed() -> None:
    person = new_person()
    user = make_user(person=person)
    user.email_confirmed_at = None  # signed up matching this record, link not yet opened
    user.save()
    html = signed_in_client(user).get(reverse("events:calendar_links")).content.decode()
    assert make_token("person-feed", person.pk) not in html
    assert "Confirm your email address first" in html


def test_the_feeds_answer_in_a_fixed_number_of_queries(
    django_assert_max_num_queries: object,
) -> None:
    person, group = new_person(), new_group(slug="busy")
    for n in range(6):
        shift = only_shift(group_event(group, title=f"Session {n}"))
        place(shift, person)
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        assert len(_titles(_calendar(Client().get(_person_feed(person.pk))))) == 6
    with django_assert_max_num_queries(3):  # type: ignore[operator]
        assert len(_titles(_calendar(Client().get("/events/groups/busy/calendar.ics")))) == 6
