"""Which numbers can be texted: invalid numbers and landlines are refused with a clear reason."""

import pytest

from groundswell.messaging.sms.numbers import NotTextable, textable
from groundswell.people.contact import ContactError


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("07400 123456", "+447400123456"),
        ("+44 7911 123456", "+447911123456"),
        ("0044 7911 123456", "+447911123456"),
        ("+1 (212) 555-0123", "+12125550123"),
        ("+61 412 345 678", "+61412345678"),
    ],
)
def test_mobiles_come_back_in_e164(raw: str, e164: str) -> None:
    assert textable(raw) == e164


def test_a_landline_is_refused_and_says_so() -> None:
    with pytest.raises(NotTextable, match="landline"):
        textable("020 7946 0018")


def test_a_freephone_number_is_refused_as_not_a_mobile() -> None:
    with pytest.raises(NotTextable, match="not a mobile"):
        textable("0800 123 4567")


@pytest.mark.parametrize("raw", ["12345", "07400 12345", "not a number", "", "+44 7700 900123"])
def test_an_invalid_number_is_refused(raw: str) -> None:
    with pytest.raises(NotTextable) as caught:
        textable(raw)

    assert caught.value.permanent
    assert isinstance(caught.value, ContactError)  # forms already show these messages


def test_the_default_region_reads_national_numbers() -> None:
    assert textable("0612345678", default_region="FR") == "+33612345678"
