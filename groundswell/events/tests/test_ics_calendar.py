"""Calendar files parse back with the times, place and identity of the shift, in UTC either side of
the London clock changes, and carry instructions only for someone with a place."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import override_settings
from django.utils import timezone

from groundswell.events.calendar import feed_calendar, sequence, shift_calendar
from groundswell.events.models import AttendanceStatus, Event, Shift

from .helpers import only_shift
from .notify_helpers import only_vevent, place, placed_event

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def _parsed(ics: bytes) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(ics)


def _shift_at(start: datetime, end: datetime | None = None) -> Shift:
    shift = only_shift(placed_event(start=start))
    if end is not None:
        shift.end = end
        shift.save()
    return shift


@override_settings(SITE_URL="https://act.example.org")
def test_a_shift_parses_back_with_its_uid_times_title_and_place() -> None:
    shift = only_shift(placed_event())
    calendar = _parsed(shift_calendar(shift))
    vevent = only_vevent(calendar)
    assert str(calendar["method"]) == "PUBLISH"
    assert str(vevent["uid"]) == f"shift-{shift.pk}@act.example.org"
    assert vevent.decoded("dtstart") == shift.start.replace(microsecond=0)
    assert vevent.decoded("dtend") == shift.end.replace(microsecond=0)
    assert str(vevent["summary"]) == "Canvass, leaflets; and tea"  # escaped and unescaped
    assert str(vevent["location"]) == "Round Chapel, 1d Glenarm Road, London, E8 1DY"
    assert str(vevent["url"]) == f"https://act.example.org/events/{shift.event_id}/"
    assert str(vevent["status"]) == "CONFIRMED"
    assert vevent["dtstamp"] is not None


def test_the_uid_is_the_same_every_time_so_a_new_file_updates_the_entry() -> None:
    shift = only_shift(placed_event())
    first = only_vevent(_parsed(shift_calendar(shift)))
    again = only_vevent(_parsed(shift_calendar(shift, method="CANCEL")))
    assert first["uid"] == again["uid"]


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        # 31 October 2027, the last Sunday of October: 01:30 BST is the first of the two 01:30s.
        (datetime(2027, 10, 31, 1, 30, tzinfo=LONDON), datetime(2027, 10, 31, 0, 30, tzinfo=UTC)),
        (datetime(2027, 10, 30, 10, 0, tzinfo=LONDON), datetime(2027, 10, 30, 9, 0, tzinfo=UTC)),
        (datetime(2027, 10, 31, 10, 0, tzinfo=LONDON), datetime(2027, 10, 31, 10, 0, tzinfo=UTC)),
        # 28 March 2027, the last Sunday of March: 01:00 GMT jumps to 02:00 BST.
        (datetime(2027, 3, 27, 10, 0, tzinfo=LONDON), datetime(2027, 3, 27, 10, 0, tzinfo=UTC)),
        (datetime(2027, 3, 28, 3, 0, tzinfo=LONDON), datetime(2027, 3, 28, 2, 0, tzinfo=UTC)),
        (datetime(2027, 3, 28, 10, 0, tzinfo=LONDON), datetime(2027, 3, 28, 9, 0, tzinfo=UTC)),
    ],
)
def test_times_are_the_right_instants_either_side_of_the_clock_changes(
    local: datetime, utc: datetime
) -> None:
    shift = _shift_at(local)
    ics = shift_calendar(shift)
    assert f"DTSTART:{utc:%Y%m%dT%H%M%S}Z".encode() in ics
    vevent = only_vevent(_parsed(ics))
    assert vevent.decoded("dtstart") == utc
    assert vevent.decoded("dtstart").astimezone(LONDON).hour == local.hour


def test_a_shift_across_the_october_change_lasts_the_hour_longer_it_really_does() -> None:
    start = datetime(2027, 10, 31, 0, 30, tzinfo=LONDON)  # BST, 23:30 UTC the day before
    shift = _shift_at(start, datetime(2027, 10, 31, 2, 30, tzinfo=LONDON))  # GMT by then
    vevent = only_vevent(_parsed(shift_calendar(shift)))
    assert vevent.decoded("dtstart") == datetime(2027, 10, 30, 23, 30, tzinfo=UTC)
    assert vevent.decoded("dtend") == datetime(2027, 10, 31, 2, 30, tzinfo=UTC)
    assert vevent.decoded("dtend") - vevent.decoded("dtstart") == timedelta(hours=3)
    assert vevent.decoded("dtend").astimezone(LONDON).strftime("%H:%M %Z") == "02:30 GMT"


def test_instructions_and_the_online_link_only_go_to_someone_with_a_place() -> None:
    shift = only_shift(placed_event())
    going = place(shift)
    waiting = place(shift, status=AttendanceStatus.WAITLISTED)
    private = str(only_vevent(_parsed(shift_calendar(shift, attendance=going)))["description"])
    assert "Ring the side bell; bring a clipboard." in private
    assert "https://meet.example.org/briefing" in private
    for public in (shift_calendar(shift), shift_calendar(shift, attendance=waiting)):
        text = str(only_vevent(_parsed(public))["description"])
        assert "side bell" not in text and "meet.example.org" not in text
        assert "Ada Organiser" in text  # the public contact still shows


def test_an_online_only_event_has_its_link_as_the_place_only_for_people_going() -> None:
    event = placed_event(postal_code="", venue="", address_lines=[], locality="")
    shift = only_shift(event)
    assert event.lat is None
    going = only_vevent(_parsed(shift_calendar(shift, attendance=place(shift))))
    assert str(going["location"]) == "https://meet.example.org/briefing"
    assert str(only_vevent(_parsed(shift_calendar(shift)))["location"]) == "Online"


def test_a_cancellation_says_cancel_and_cancelled() -> None:
    shift = only_shift(placed_event())
    calendar = _parsed(shift_calendar(shift, method="CANCEL"))
    assert str(calendar["method"]) == "CANCEL"
    assert str(only_vevent(calendar)["status"]) == "CANCELLED"


def test_a_cancelled_event_shows_as_cancelled_in_any_file() -> None:
    event = placed_event()
    Event.objects.filter(pk=event.pk).update(status="cancelled")
    shift = Shift.objects.select_related("event").get(event=event)
    assert str(only_vevent(_parsed(shift_calendar(shift)))["status"]) == "CANCELLED"


def test_the_sequence_grows_when_the_event_is_saved_again(monkeypatch: pytest.MonkeyPatch) -> None:
    event = placed_event()
    before = int(str(only_vevent(_parsed(shift_calendar(only_shift(event))))["sequence"]))
    later = timezone.now() + timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: later)
    event.venue = "The Old Baths"
    event.save()
    shift = Shift.objects.select_related("event").get(event=event)
    after = only_vevent(_parsed(shift_calendar(shift)))
    assert int(str(after["sequence"])) > before
    assert int(str(after["sequence"])) == sequence(shift.event) < 2**31
    assert str(after["location"]).startswith("The Old Baths")


def test_a_feed_holds_every_shift_and_names_itself() -> None:
    shifts = [only_shift(placed_event(title=f"Session {n}")) for n in range(3)]
    calendar = _parsed(feed_calendar(shifts, "Hackney for Change"))
    assert str(calendar["x-wr-calname"]) == "Hackney for Change"
    assert "method" not in calendar
    titles = sorted(str(v["summary"]) for v in calendar.walk("VEVENT"))
    assert titles == ["Session 0", "Session 1", "Session 2"]
    assert all("side bell" not in str(v["description"]) for v in calendar.walk("VEVENT"))
    private = _parsed(feed_calendar(shifts, "Mine", private=True))
    assert all("side bell" in str(v["description"]) for v in private.walk("VEVENT"))
