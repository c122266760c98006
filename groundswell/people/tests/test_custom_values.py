"""Custom field values checked by kind (the pure module) and defined by the national team."""

from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from groundswell.people.actions import define_custom_field, set_custom_fields
from groundswell.people.custom_values import KINDS, CustomValueError, clean_custom_value
from groundswell.people.models import CustomField
from groundswell.people.tests.fixtures import Movement


@pytest.mark.parametrize(
    ("kind", "raw", "value"),
    [
        ("text", "  hello ", "hello"),
        ("number", "1,200", 1200),
        ("number", "2.5", 2.5),
        ("number", 7, 7),
        ("date", "31/03/2025", "2025-03-31"),
        ("date", "2025-03-31", "2025-03-31"),
        ("yes_no", "Y", True),
        ("yes_no", "false", False),
        ("choice", "gmb", "GMB"),
        ("text", "   ", None),
    ],
)
def test_values_are_cleaned_by_kind(kind: str, raw: Any, value: Any) -> None:
    assert clean_custom_value(kind, raw, ["Unite", "GMB"]) == value


@pytest.mark.parametrize(
    ("kind", "raw"),
    [
        ("number", "lots"),
        ("number", "nan"),
        ("date", "31/02/2025"),
        ("yes_no", "maybe"),
        ("choice", "RMT"),
        ("text", "x" * 501),
    ],
)
def test_bad_values_are_refused_with_a_message(kind: str, raw: Any) -> None:
    with pytest.raises(CustomValueError, match="Field"):
        clean_custom_value(kind, raw, ["Unite", "GMB"], label="Field")


def test_the_model_and_the_pure_module_agree_on_kinds() -> None:
    assert set(CustomField.Kind.values) == set(KINDS)


@pytest.mark.django_db
def test_a_choice_field_needs_distinct_choices() -> None:
    with pytest.raises(ValidationError):
        define_custom_field("union", "Union", "choice", [])
    with pytest.raises(ValidationError):
        define_custom_field("union", "Union", "choice", ["GMB", "gmb"])
    assert not CustomField.objects.exists()


@pytest.mark.django_db
def test_one_bad_value_stores_none_of_them(movement: Movement) -> None:
    define_custom_field("shifts", "Shifts", "number")
    define_custom_field("car", "Has a car", "yes_no")
    with pytest.raises(ValidationError) as caught:
        set_custom_fields(movement.in_a, {"shifts": "2", "car": "perhaps"}, actor=None)
    assert "car" in caught.value.message_dict
    movement.in_a.refresh_from_db()
    assert movement.in_a.custom_fields == {}


@pytest.mark.django_db
def test_the_national_team_defines_a_field_on_the_page(movement: Movement) -> None:
    client = movement.client(movement.national)
    data = {"key": "union", "label": "Union", "kind": "choice", "choices": "Unite\nGMB\n"}
    assert client.post(reverse("people:custom_fields"), data).status_code == 302
    assert CustomField.objects.get().choices == ["Unite", "GMB"]
    again = client.post(reverse("people:custom_fields"), data)
    assert again.status_code == 400 and "already a field" in again.content.decode()
