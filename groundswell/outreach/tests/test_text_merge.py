"""Merge fields in texting messages: known fields are filled in, anything else is refused."""

import pytest

from groundswell.outreach.text_merge import MergeError, check_template, fields_used, render

VALUES = {
    "given_name": "Jo",
    "family_name": "Bloggs",
    "texter_name": "Sam",
    "group_name": "Hackney",
}


def test_it_fills_in_every_known_field() -> None:
    text = "Hi {given_name} {family_name}, {texter_name} from {group_name} here."
    assert render(text, VALUES) == "Hi Jo Bloggs, Sam from Hackney here."


def test_it_refuses_an_unknown_field_and_names_it_with_the_known_ones() -> None:
    with pytest.raises(MergeError) as refused:
        check_template("Hi {first_name}, see you {day}")
    said = str(refused.value)
    assert "{first_name}, {day}" in said
    assert "{given_name}" in said


@pytest.mark.parametrize("text", ["Hi {given_name", "Hi given_name}", "Hi {{given_name}}"])
def test_it_refuses_a_brace_that_is_not_a_merge_field(text: str) -> None:
    with pytest.raises(MergeError, match="not part of a merge field"):
        check_template(text)


def test_a_missing_value_becomes_nothing() -> None:
    assert render("Hi {given_name}!", {**VALUES, "given_name": ""}) == "Hi !"


def test_it_lists_the_fields_used_once_each() -> None:
    assert fields_used("{given_name} {group_name} {given_name}") == ["given_name", "group_name"]
