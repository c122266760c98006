"""The rule editor's form rows and a definition turn into each other without loss."""

from typing import Any

import pytest
from django.http import QueryDict

from groundswell.searches.definition import DefinitionError
from groundswell.searches.rows import (
    MAX_ROWS,
    definition_to_rows,
    rows_from_post,
    rows_to_definition,
)


def posted(text: str) -> list[dict[str, str]]:
    return rows_from_post(dict(QueryDict(text).lists()))


def test_posted_rows_become_a_definition_reading_only_the_chosen_filters_inputs() -> None:
    rows = posted(
        "r-0-filter=tag&r-0-tag=12&r-0-postcode=ignored"
        "&r-1-filter=near&r-1-postcode=E8+1DY&r-1-km=5&r-1-negate=on"
        "&r-2-filter=events&r-2-event_status=attended&r-2-kind=canvass&r-2-event="
        "&r-2-event_after=2025-01-01&r-2-event_before="
        "&r-10-filter=answer&r-10-question=3&r-10-values=yes,+maybe+"
    )
    assert rows_to_definition("any", rows) == {
        "any": [
            {"filter": "tag", "tag": 12},
            {"not": {"filter": "near", "postcode": "E8 1DY", "km": 5}},
            {"filter": "events", "status": "attended", "kind": "canvass", "after": "2025-01-01"},
            {"filter": "answer", "question": 3, "values": ["yes", "maybe"]},
        ]
    }


def test_rows_are_taken_in_numeric_order_and_blank_rows_are_skipped() -> None:
    rows = posted(
        "r-10-filter=consent&r-10-channel=sms&r-2-filter=&r-9-filter=consent&r-9-channel=email"
    )
    assert rows_to_definition("all", rows) == {
        "all": [{"filter": "consent", "channel": "email"}, {"filter": "consent", "channel": "sms"}]
    }


def test_a_bad_row_is_named_by_its_number() -> None:
    rows = posted("r-0-filter=consent&r-0-channel=email&r-1-filter=contacted_within&r-1-days=soon")
    with pytest.raises(
        DefinitionError, match="Rule 2: Contacted recently rule: the number of days"
    ):
        rows_to_definition("all", rows)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("r-0-filter=shoe", "Unknown filter 'shoe'"),
        ("r-0-filter=tag&r-0-tag=%C2%B2", "must be a whole number"),  # a superscript two
        ("r-0-filter=near&r-0-postcode=E8&r-0-km=inf", "the distance in km must be"),
        ("r-0-filter=raw&r-0-raw=%7Bnot+json", "could not be read"),
        ("r-0-filter=raw&r-0-raw=" + "%5B" * 5000 + "%5D" * 5000, "could not be read"),
    ],
)
def test_hostile_rows_are_refused_with_a_message(text: str, message: str) -> None:
    with pytest.raises(DefinitionError, match=message):
        rows_to_definition("all", posted(text))


def test_match_must_be_all_or_any_and_rows_are_capped() -> None:
    with pytest.raises(DefinitionError, match="all of the rules or any"):
        rows_to_definition("most", [])
    many = [{"filter": "consent", "channel": "sms"}] * (MAX_ROWS + 1)
    with pytest.raises(DefinitionError, match=f"at most {MAX_ROWS} rules"):
        rows_to_definition("all", many)


ROUND_TRIPS: list[dict[str, Any]] = [
    {"all": []},
    {
        "any": [
            {"filter": "tag", "tag": 4},
            {"not": {"filter": "group", "group": 2}},
            {"filter": "membership", "status": "lapsed"},
            {"filter": "joined", "after": "2024-01-01", "before": "2024-12-31"},
            {"filter": "near", "postcode": "E8 1DY", "km": 2.5},
            {"filter": "constituency", "constituency": 77},
            {"filter": "events", "status": "signed_up", "event": 9, "kind": "agm"},
            {"filter": "answer", "question": 3, "values": ["yes", "maybe"]},
            {"filter": "answer", "question": 4},
            {"filter": "custom_field", "key": "union", "value": "Unite"},
            {"filter": "consent", "channel": "phone"},
            {"filter": "contacted_within", "days": 30},
            {"not": {"filter": "in_search", "search": 8}},
        ]
    },
]


@pytest.mark.parametrize("definition", ROUND_TRIPS)
def test_a_definition_survives_being_shown_and_posted_back(definition: dict[str, Any]) -> None:
    match, rows = definition_to_rows(definition)
    assert rows_to_definition(match, rows) == definition


def test_nested_groups_become_read_only_rows_that_are_kept_on_save() -> None:
    nested = {"any": [{"filter": "tag", "tag": 1}, {"filter": "tag", "tag": 2}]}
    definition = {
        "all": [{"filter": "consent", "channel": "sms"}, nested, {"not": {"not": nested}}]
    }
    match, rows = definition_to_rows(definition)
    assert [row["filter"] for row in rows] == ["consent", "raw", "raw"]
    assert rows_to_definition(match, rows) == definition


def test_a_definition_that_is_a_single_leaf_shows_as_one_row_under_all() -> None:
    match, rows = definition_to_rows({"filter": "consent", "channel": "email"})
    assert rows_to_definition(match, rows) == {"all": [{"filter": "consent", "channel": "email"}]}
