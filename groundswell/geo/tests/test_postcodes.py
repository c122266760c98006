"""UK postcode parsing: what a person may type and what we make of it."""

import gzip
import itertools

import pytest

from groundswell.core.testing import shared_data
from groundswell.geo.postcodes import PostcodeError, is_valid, normalise, parse


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sw1a1aa", "SW1A 1AA"),
        ("SW1A 1AA", "SW1A 1AA"),
        ("  sw1a   1aa ", "SW1A 1AA"),
        ("e16an", "E1 6AN"),
        ("M1 1AE", "M1 1AE"),
        ("b338th", "B33 8TH"),
        ("CR2 6XH", "CR2 6XH"),
        ("dn55 1pt", "DN55 1PT"),
        ("W1A 0AX", "W1A 0AX"),
        ("EC1A 1BB", "EC1A 1BB"),
    ],
)
def test_it_normalises_case_and_spacing(typed: str, expected: str) -> None:
    assert normalise(typed) == expected


def test_it_splits_outward_and_inward_codes() -> None:
    code = parse("ec1a1bb")
    assert (code.outward, code.inward, code.kind, code.district) == ("EC1A", "1BB", "full", "EC1A")


def test_it_accepts_girobanks_postcode_as_valid_but_placeless() -> None:
    code = parse("gir0aa")
    assert code.text == "GIR 0AA"
    assert not code.geographic


@pytest.mark.parametrize("typed", ["BFPO 1234", "bfpo1234", "BFPO  57"])
def test_it_recognises_bfpo_numbers_as_valid_without_a_district(typed: str) -> None:
    code = parse(typed)
    assert code.kind == "bfpo"
    assert code.text.startswith("BFPO ")
    assert code.district == ""
    assert not code.geographic


@pytest.mark.parametrize("typed", ["SW1A", "sw1a", "E1", "m1", "DN55"])
def test_it_recognises_a_bare_district(typed: str) -> None:
    code = parse(typed)
    assert code.kind == "district"
    assert code.text == typed.upper()


@pytest.mark.parametrize(
    ("typed", "suggestion"),
    [
        ("SW1A OAA", "SW1A 0AA"),  # letter O where the inward digit must be
        ("SWIA 1AA", "SW1A 1AA"),  # I for 1
        ("0X1 1AA", "OX1 1AA"),  # digit 0 where a letter must be
        ("5W1A 1AA", "SW1A 1AA"),  # 5 for S
        ("AB1O 1AA", "AB10 1AA"),
    ],
)
def test_it_rejects_a_typo_with_a_suggestion_instead_of_guessing(
    typed: str, suggestion: str
) -> None:
    with pytest.raises(PostcodeError) as caught:
        parse(typed)
    assert caught.value.suggestion == suggestion
    assert f"Did you mean {suggestion}?" in str(caught.value)


@pytest.mark.parametrize("typed", ["10115", "90210", "K1A 0B1", "1012 AB", "75008"])
def test_it_rejects_a_foreign_postal_code_clearly(typed: str) -> None:
    with pytest.raises(PostcodeError, match="isn't a UK postcode") as caught:
        parse(typed)
    assert caught.value.suggestion is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("S", "too short"),
        ("SW1A 1A", "too short"),
        ("SW1A 1AAA", "too long"),
        ("SW1A1AAXX", "too long"),
        ("", "enter a postcode"),
        ("   ", "enter a postcode"),
        ("hello", "isn't a valid UK postcode"),
        ("SW1A-1AA!", "isn't a UK postcode"),
    ],
)
def test_it_explains_what_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(PostcodeError, match=message):
        parse(typed)


def test_the_error_is_a_value_error_so_forms_can_catch_it_generally() -> None:
    assert issubclass(PostcodeError, ValueError)
    assert not is_valid("SW1A OAA")
    assert is_valid("SW1A 0AA")


def test_it_accepts_terminated_postcodes_still_in_the_ons_file() -> None:
    # Old London W1 districts with letters no longer issued, and Newport's pre-1984 NPT.
    assert normalise("w1v 1aa") == "W1V 1AA"
    assert normalise("npt0ad") == "NPT 0AD"


def test_it_accepts_every_postcode_in_a_sample_of_the_real_file() -> None:
    path = shared_data("geo", "postcodes-nspl-2025-05.csv.gz")
    with gzip.open(path, "rt") as lines:
        sample = [line.split(",")[0] for line in itertools.islice(lines, 1, None, 97)][:20_000]
    rejected = [code for code in sample if not is_valid(code)]
    assert rejected == []
