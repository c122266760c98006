"""Segment counting, checked against the GSM 03.38 rules with hand-worked examples."""

import pytest

from groundswell.messaging.sms.segments import GSM_BASIC, GSM_EXTENSION, measure


def test_the_gsm_alphabet_has_its_127_characters_and_10_extensions() -> None:
    # 128 code points less the escape code itself; the extension table is form feed ^ { } \ [ ~ ] | €.
    assert len(GSM_BASIC) == 127
    assert len(GSM_EXTENSION) == 10
    assert not GSM_BASIC & GSM_EXTENSION


def test_a_short_plain_message_is_one_gsm_segment() -> None:
    info = measure("Hello Sam, can you make Tuesday's AGM? Reply YES or NO.")

    assert info.encoding == "GSM-7"
    assert info.characters_used == 55
    assert info.segments == 1
    assert info.characters_left == 105


@pytest.mark.parametrize(
    ("length", "segments", "left"),
    [(160, 1, 0), (161, 2, 145), (306, 2, 0), (307, 3, 152), (459, 3, 0)],
)
def test_gsm_splits_into_153_character_parts_after_160(
    length: int, segments: int, left: int
) -> None:
    info = measure("a" * length)

    assert (info.segments, info.characters_left) == (segments, left)


def test_extension_characters_count_two() -> None:
    info = measure("Tickets £5 or €5 [concessions]")

    assert info.encoding == "GSM-7"
    assert info.characters_used == 30 + 3  # €, [ and ] take two septets each; £ is basic
    assert measure("€" * 80).segments == 1
    assert measure("€" * 81).segments == 2


def test_an_escape_pair_is_never_split_across_parts() -> None:
    # 152 + 2 + 152 = 306 septets, which would fit two parts of 153 if the € could be split.
    info = measure("a" * 152 + "€" + "a" * 152)

    assert info.segments == 3
    assert info.characters_left == 153 - 1


def test_one_non_gsm_character_makes_the_whole_message_ucs2() -> None:
    info = measure("Don’t forget Tuesday")  # a curly apostrophe, as phones type it

    assert info.encoding == "UCS-2"
    assert info.characters_used == 20
    assert info.characters_left == 50
    assert info.non_gsm_characters == ("’",)


def test_an_emoji_counts_two_utf16_units() -> None:
    info = measure("Thanks 👋")

    assert info.characters_used == 9
    assert measure("👋" * 35).segments == 1  # 70 units exactly
    assert measure("👋" * 35 + "!").segments == 2


@pytest.mark.parametrize(
    ("length", "segments", "left"), [(70, 1, 0), (71, 2, 63), (134, 2, 0), (135, 3, 66)]
)
def test_ucs2_splits_into_67_unit_parts_after_70(length: int, segments: int, left: int) -> None:
    info = measure("ł" * length)

    assert (info.encoding, info.segments, info.characters_left) == ("UCS-2", segments, left)


def test_a_surrogate_pair_is_never_split_across_parts() -> None:
    info = measure("ł" * 66 + "😀" + "ł" * 66)  # 134 units; 2 parts only if the emoji were split

    assert info.segments == 3


def test_an_empty_message_has_no_segments() -> None:
    assert measure("").segments == 0
    assert measure("").characters_left == 160
