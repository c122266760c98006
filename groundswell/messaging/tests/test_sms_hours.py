"""Texting hours in the recipient's zone: across the UK clock changes, and for US and Australian numbers."""

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from groundswell.messaging.sms.hours import next_opening, recipient_zones, within_hours

LONDON = ZoneInfo("Europe/London")
UK_MOBILE = "+447400123456"  # London, Guernsey, Jersey or the Isle of Man: one clock
UNKNOWN_ZONE = "+447700900123"  # Ofcom's drama range: phonenumbers gives "Etc/Unknown"
NEW_YORK = "+12125550123"
AU_MOBILE = "+61412345678"  # any Australian state, or Christmas Island and Cocos
SYDNEY_LANDLINE = "+61212345678"


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_a_number_with_no_known_zone_falls_back_to_the_default_zone() -> None:
    assert recipient_zones(UNKNOWN_ZONE, LONDON) == (LONDON,)
    assert recipient_zones(UNKNOWN_ZONE, ZoneInfo("Europe/Paris")) == (ZoneInfo("Europe/Paris"),)
    assert recipient_zones(NEW_YORK, LONDON) == (ZoneInfo("America/New_York"),)
    assert LONDON in recipient_zones(UK_MOBILE, ZoneInfo("Asia/Tokyo"))


def test_the_same_utc_hour_is_closed_in_winter_and_open_in_summer_time() -> None:
    # 08:30 UTC is 08:30 GMT on the Saturday and 09:30 BST on the Sunday the clocks go forward.
    assert not within_hours(UK_MOBILE, utc(2026, 3, 28, 8, 30), default_zone=LONDON)
    assert within_hours(UK_MOBILE, utc(2026, 3, 29, 8, 30), default_zone=LONDON)


def test_the_evening_closes_an_hour_later_in_utc_once_the_clocks_go_back() -> None:
    # 20:30 UTC is 21:30 BST on the Saturday, 20:30 GMT on the Sunday of 25 October 2026.
    assert not within_hours(UK_MOBILE, utc(2026, 10, 24, 20, 30), default_zone=LONDON)
    assert within_hours(UK_MOBILE, utc(2026, 10, 25, 20, 30), default_zone=LONDON)


def test_after_hours_the_next_opening_is_nine_their_time_across_the_change() -> None:
    # Saturday 21:00 GMT is closed; it opens at 09:00 BST on Sunday, which is 08:00 UTC.
    assert next_opening(UK_MOBILE, utc(2026, 3, 28, 21, 0), default_zone=LONDON) == utc(
        2026, 3, 29, 8, 0
    )


def test_hours_start_inclusive_and_end_exclusive() -> None:
    assert within_hours(UK_MOBILE, utc(2026, 1, 5, 9, 0), default_zone=LONDON)
    assert within_hours(UK_MOBILE, utc(2026, 1, 5, 20, 59), default_zone=LONDON)
    assert not within_hours(UK_MOBILE, utc(2026, 1, 5, 21, 0), default_zone=LONDON)


def test_a_new_york_number_keeps_new_york_hours() -> None:
    # 14:00 UTC in January is 09:00 EST: open in New York, though it is 14:00 in London too.
    assert not within_hours(NEW_YORK, utc(2026, 1, 5, 13, 59), default_zone=LONDON)
    assert within_hours(NEW_YORK, utc(2026, 1, 5, 14, 0), default_zone=LONDON)
    # 23:00 UTC is 18:00 in New York: still open, though London is closed.
    assert within_hours(NEW_YORK, utc(2026, 1, 5, 23, 0), default_zone=LONDON)
    assert next_opening(NEW_YORK, utc(2026, 1, 6, 3, 0), default_zone=LONDON) == utc(2026, 1, 6, 14)


def test_a_number_in_several_zones_is_texted_only_when_open_in_all() -> None:
    # 00:00 UTC on 12 January: 11:00 in Sydney but 08:00 in Perth.
    moment = utc(2026, 1, 12, 0, 0)

    assert within_hours(SYDNEY_LANDLINE, moment, default_zone=LONDON)
    assert not within_hours(AU_MOBILE, moment, default_zone=LONDON)
    # The westernmost candidate (Cocos Islands, UTC+6:30) reaches 09:00 at 02:30 UTC.
    assert next_opening(AU_MOBILE, moment, default_zone=LONDON) == utc(2026, 1, 12, 2, 30)


def test_a_known_zone_replaces_the_prefixs_guess() -> None:
    moment = utc(2026, 1, 12, 0, 0)

    assert within_hours(
        AU_MOBILE, moment, default_zone=LONDON, known_zone=ZoneInfo("Australia/Sydney")
    )


def test_custom_hours_are_respected() -> None:
    moment = utc(2026, 1, 5, 9, 30)

    assert not within_hours(UK_MOBILE, moment, default_zone=LONDON, start=time(10), end=time(20))
    assert next_opening(
        UK_MOBILE, moment, default_zone=LONDON, start=time(10), end=time(20)
    ) == utc(2026, 1, 5, 10)


def test_when_already_open_the_next_opening_is_now() -> None:
    moment = utc(2026, 1, 5, 12, 0)

    assert next_opening(UK_MOBILE, moment, default_zone=LONDON) == moment


def test_a_naive_time_or_a_backwards_window_is_an_error() -> None:
    with pytest.raises(ValueError, match="aware"):
        within_hours(UK_MOBILE, datetime(2026, 1, 5, 12), default_zone=LONDON)
    with pytest.raises(ValueError, match="start before"):
        within_hours(
            UK_MOBILE, utc(2026, 1, 5, 12), default_zone=LONDON, start=time(21), end=time(9)
        )
    with pytest.raises(ValueError, match="E.164"):
        recipient_zones("07400123456", LONDON)


def test_an_unknown_zone_number_keeps_the_default_zone_while_its_country_is_open() -> None:
    sydney = ZoneInfo("Australia/Sydney")
    noon_in_london = utc(2026, 1, 14, 12)  # 23:00 in Sydney
    assert within_hours(UK_MOBILE, noon_in_london, default_zone=sydney)
    assert not within_hours(UNKNOWN_ZONE, noon_in_london, default_zone=sydney)
    assert within_hours(UNKNOWN_ZONE, noon_in_london, default_zone=LONDON)
