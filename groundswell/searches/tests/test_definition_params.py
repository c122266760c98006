"""The parser refuses hostile or mistaken definitions with a message, never an exception of another
kind: wrong types, unknown filters and settings, impossible dates, NUL characters, deep nesting."""

import json
from datetime import date
from typing import Any

import pytest

from groundswell.searches.definition import (
    MAX_DEPTH,
    MAX_NODES,
    All,
    DefinitionError,
    Leaf,
    Not,
    parse,
)


def refused(data: Any) -> str:
    with pytest.raises(DefinitionError) as caught:
        parse(data)
    return str(caught.value)


def test_it_cleans_a_valid_tree_into_typed_settings() -> None:
    tree = parse(
        {
            "all": [
                {"filter": "joined", "after": "2024-01-01", "before": None},
                {"not": {"filter": "near", "postcode": "E8 1DY", "km": 5}},
            ]
        }
    )
    assert isinstance(tree, All)
    joined, negated = tree.children
    assert joined == Leaf("joined", {"after": date(2024, 1, 1), "before": None})
    assert isinstance(negated, Not)
    assert negated.child == Leaf("near", {"postcode": "E8 1DY", "km": 5.0})


@pytest.mark.parametrize("data", [None, [], "tag", 3, {}, [{"filter": "tag", "tag": 1}]])
def test_it_refuses_what_is_not_an_object(data: Any) -> None:
    assert "must be an object" in refused(data)


def test_it_refuses_an_unknown_filter_by_name() -> None:
    assert refused({"filter": "shoe_size", "size": 9}) == "Unknown filter 'shoe_size'."
    assert "Unknown filter" in refused({"filter": ["tag"]})


def test_it_refuses_a_setting_the_filter_does_not_have() -> None:
    message = refused({"filter": "tag", "tag": 1, "colour": "red"})
    assert message == "Has tag rule: there is no setting 'colour'."


@pytest.mark.parametrize(
    ("leaf", "expected"),
    [
        ({"filter": "tag"}, "Has tag rule: the tag is missing."),
        ({"filter": "tag", "tag": "7"}, "Has tag rule: the tag must be a whole number."),
        ({"filter": "tag", "tag": True}, "Has tag rule: the tag must be a whole number."),
        ({"filter": "tag", "tag": 1.5}, "Has tag rule: the tag must be a whole number."),
        ({"filter": "group", "group": -3}, "In group rule: the group must be between 1 and"),
        ({"filter": "group", "group": 2**70}, "In group rule: the group must be between 1 and"),
        ({"filter": "membership", "status": "king"}, "the membership status must be one of"),
        (
            {"filter": "consent", "channel": "pigeon"},
            "the channel must be one of email, sms, phone",
        ),
        (
            {"filter": "near", "postcode": "E8 1DY", "km": 0},
            "the distance in km must be more than 0",
        ),
        ({"filter": "near", "postcode": "E8 1DY", "km": 5000}, "at most 200"),
        (
            {"filter": "near", "postcode": "E8 1DY", "km": float("nan")},
            "the distance in km must be",
        ),
        ({"filter": "near", "postcode": 81, "km": 5}, "the postcode must be text"),
        ({"filter": "near", "postcode": "E8" * 20, "km": 5}, "at most 16 characters"),
        (
            {"filter": "joined", "after": "1/2/2024"},
            "the 'from' date must be a date written YYYY-MM-DD",
        ),
        ({"filter": "joined", "after": "2024-02-30"}, "is not a real date"),
        ({"filter": "joined", "after": "2024-05-01", "before": "2024-04-01"}, "must not be after"),
        ({"filter": "events", "status": "went"}, "whether signed up or attended must be one of"),
        ({"filter": "answer", "question": 1, "values": "yes"}, "the answers must be a list"),
        ({"filter": "answer", "question": 1, "values": [1]}, "the answers must be text"),
        ({"filter": "answer", "question": 1, "values": ["x"] * 21}, "at most 20 of the answers"),
        ({"filter": "custom_field", "key": "union", "value": None}, "the value is missing"),
        ({"filter": "custom_field", "key": "union", "value": ["Unite"]}, "the value must be text"),
        ({"filter": "contacted_within", "days": 0}, "the number of days must be between 1 and"),
        ({"filter": "in_search", "search": None}, "the saved search is missing"),
    ],
)
def test_it_says_what_is_wrong_with_a_setting(leaf: dict[str, Any], expected: str) -> None:
    assert expected in refused(leaf)


def test_it_refuses_a_nul_character_in_any_text() -> None:
    assert "NUL" in refused({"filter": "near", "postcode": "E8\x001DY", "km": 5})
    assert "NUL" in refused({"filter": "answer", "question": 1, "values": ["ye\x00s"]})
    assert "NUL" in refused({"filter": "custom_field", "key": "union", "value": "Un\x00ite"})


def test_it_refuses_text_that_cannot_be_sent_to_the_database() -> None:
    lone_surrogate = json.loads('"Un\\ud800ite"')
    leaf = {"filter": "custom_field", "key": "union", "value": lone_surrogate}
    assert "the value is not valid text" in refused(leaf)
    assert "not valid text" in refused(
        {"filter": "custom_field", "key": lone_surrogate, "value": "x"}
    )


def test_it_refuses_nesting_deeper_than_the_limit() -> None:
    data: Any = {"filter": "consent", "channel": "email"}
    for _ in range(MAX_DEPTH + 1):
        data = {"not": data}
    assert f"at most {MAX_DEPTH} deep" in refused(data)


def test_it_refuses_json_nested_far_beyond_the_limit_without_a_recursion_error() -> None:
    data = json.loads('{"not": ' * 900 + "{}" + "}" * 900)
    assert "deep" in refused(data)


def test_it_refuses_more_rules_than_the_limit() -> None:
    leaf = {"filter": "consent", "channel": "email"}
    assert f"at most {MAX_NODES} rules" in refused({"any": [leaf] * (MAX_NODES + 5)})


def test_it_refuses_a_group_with_two_keys_or_a_list_that_is_not_one() -> None:
    assert "exactly one of" in refused({"all": [], "any": []})
    assert "exactly one of" in refused({"all": {"filter": "tag", "tag": 1}})
