"""Checking single rows and cells of an import, without the database."""

import random
from datetime import date

import pytest

from groundswell.people.contact import ContactError, normalise_phone
from groundswell.people.importing.cleaning import (
    CellError,
    parse_consent,
    parse_date,
    split_full_name,
    split_tags,
)
from groundswell.people.importing.mapping import MappingError, make_plan
from groundswell.people.importing.phones import parse_phone
from groundswell.people.importing.tagbook import TagBook
from groundswell.people.importing.validation import CustomSpec, RowValidator

HEADERS = ["Name", "Email", "Mobile", "Postcode", "Tags", "Status", "Joined", "SMS ok", "Shirt"]
MAPPING = [
    "full_name",
    "email",
    "phone",
    "postal_code",
    "tags",
    "membership_status",
    "member_since",
    "consent_sms",
    "custom:shirt",
]
TODAY = date(2025, 6, 1)


def validator(create_tags: bool = False) -> RowValidator:
    plan = make_plan(MAPPING, HEADERS, {"shirt"})
    tags = TagBook(["Housing", "Canvasser"], create_tags)
    custom = {"shirt": CustomSpec("choice", ["S", "M", "L"], "Shirt size")}
    return RowValidator(plan, HEADERS, tags, custom, TODAY, "import: test.csv")


def row(**changes: str) -> list[str]:
    values = {"Name": "Zoë Brontë", "Email": " Zoe@Example.org ", "Mobile": "07712 345678", "Postcode": "sw1a 1aa",
              "Tags": "housing; Canvasser", "Status": "Member", "Joined": "31/03/2024", "SMS ok": "yes", "Shirt": "m"}  # fmt: skip
    values.update(changes)
    return [values[h] for h in HEADERS]


def test_a_good_row_becomes_person_details():
    candidate, problems = validator().check(2, row())
    assert problems == [] and candidate is not None
    details = candidate.details
    assert details.phone is not None
    assert (details.given_name, details.family_name, details.email) == (
        "Zoë",
        "Brontë",
        "zoe@example.org",
    )
    assert details.phone.number == "+447712345678" and candidate.mobile == "+447712345678"
    assert details.tags == ["Housing", "Canvasser"]  # spelt as the existing tags are
    assert details.membership_status == "member" and details.member_since == date(2024, 3, 31)
    assert details.consents == {"sms": True}
    assert details.custom_fields == {"shirt": "M"}
    assert details.source == "import: test.csv"
    assert candidate.raw_postcode == "sw1a 1aa"


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"Email": "not-an-email"}, "Email: “not-an-email” is not a valid email address."),
        ({"Mobile": "0771234"}, "Mobile: “0771234” is not a valid phone number."),
        (
            {"Tags": "Housing, Unheard of"},
            "Tags: unknown tag “Unheard of” (tick “create new tags” to add it)",
        ),
        (
            {"Status": "founder"},
            "Status: “founder” is not a membership status (supporter, member or lapsed).",
        ),
        ({"Joined": "2030-01-01"}, "Joined: 01 January 2030 is in the future."),
        (
            {"Joined": "last tuesday"},
            "Joined: “last tuesday” is not a date (write it as 2024-03-31 or 31/03/2024).",
        ),
        ({"SMS ok": "perhaps"}, "SMS ok: “perhaps” is not yes or no."),
        ({"Shirt": "XXL"}, "Shirt: Shirt size must be one of: S, M, L."),
        ({"Email": "", "Mobile": ""}, "no email address or mobile number to match this person on"),
        (
            {"Email": "", "Mobile": "020 7946 0000"},
            "no email address or mobile number to match this person on",
        ),
    ],
)
def test_each_bad_cell_is_reported_with_its_column(changes, expected):
    candidate, problems = validator().check(7, row(**changes))
    assert candidate is None
    assert problems == [expected]


def test_new_tags_are_allowed_when_the_importer_ticks_create_new_tags():
    checker = validator(create_tags=True)
    candidate, problems = checker.check(2, row(Tags="housing, Tenants union; tenants UNION"))
    assert problems == [] and candidate is not None
    assert candidate.details.tags == ["Housing", "Tenants union"]
    assert checker.tags.new == {"tenants union": "Tenants union"}


def test_formula_cells_are_kept_as_plain_text():
    candidate, problems = validator().check(2, row(Name="=cmd|' /C calc'!A0 Smith"))
    assert problems == [] and candidate is not None
    assert candidate.details.given_name == "=cmd|' /C calc'!A0"


def test_a_short_row_is_padded_and_a_long_one_with_extra_data_refused():
    short, problems = validator().check(2, row()[:3])
    assert problems == [] and short is not None and short.raw_postcode == ""
    _, problems = validator().check(3, [*row(), "surprise"])
    assert problems == ["the row has more cells than the file has column names"]


@pytest.mark.parametrize(
    ("full", "given", "family"),
    [
        ("Zoë Brontë", "Zoë", "Brontë"),
        ("Brontë, Zoë", "Zoë", "Brontë"),
        ("Ludwig van Beethoven", "Ludwig", "van Beethoven"),
        ("Mary Jane Smith", "Mary Jane", "Smith"),
        ("Cher", "Cher", ""),
    ],  # fmt: skip
)
def test_full_names_are_split(full, given, family):
    assert split_full_name(full) == (given, family)


def test_consent_cells_read_yes_no_and_action_network_statuses():
    assert [parse_consent(v) for v in ["Yes", "TRUE", "1", "subscribed", "opt-in"]] == [True] * 5
    assert [parse_consent(v) for v in ["no", "False", "0", "unsubscribed", "spam complaint"]] == [
        False
    ] * 5
    assert parse_consent("bouncing") is None
    with pytest.raises(CellError):
        parse_consent("maybe")


def test_dates_in_uk_order_and_iso_datetimes():
    assert parse_date("01/02/2024", TODAY) == date(2024, 2, 1)
    assert parse_date("2024-02-01T10:00:00Z", TODAY) == date(2024, 2, 1)


def test_tags_split_on_commas_and_semicolons_once_each():
    assert split_tags(" Housing ;NHS,, housing ; Union  member") == [
        "Housing",
        "NHS",
        "Union member",
    ]


def test_the_fast_mobile_path_agrees_with_phonenumbers():
    rng = random.Random(7)
    for _ in range(20000):
        national = "7" + "".join(rng.choice("0123456789") for _ in range(9))
        typed = rng.choice(
            [
                f"0{national}",
                f"0{national[:4]} {national[4:]}",
                f"+44{national}",
                f"0044 {national}",
            ]
        )
        try:
            expected = normalise_phone(typed)
        except ContactError:
            expected = None
        try:
            got = parse_phone(typed)
        except ContactError:
            got = None
        assert got == expected, typed


def test_landlines_and_foreign_numbers_still_parse():
    assert parse_phone("020 7946 0018").number_type == "landline"
    assert parse_phone("+33 6 12 34 56 78").number == "+33612345678"


def test_a_mapping_without_email_or_phone_is_refused():
    with pytest.raises(MappingError, match="email addresses or mobile numbers"):
        make_plan(["given_name", "family_name"], ["First", "Last"], set())


def test_a_field_chosen_twice_is_refused_unless_it_takes_several_columns():
    with pytest.raises(MappingError, match="chosen for several columns"):
        make_plan(["email", "email"], ["Email", "Email 2"], set())
    plan = make_plan(
        ["email", "address_lines", "address_lines"], ["Email", "Line 1", "Line 2"], set()
    )
    assert plan.columns["address_lines"] == [1, 2]


def test_an_unknown_field_is_refused():
    with pytest.raises(MappingError, match="not a field people have"):
        make_plan(["email", "custom:nope"], ["Email", "X"], set())
