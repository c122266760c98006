"""CSV export: the filtered, visible people only, streamed, safe in a spreadsheet, and on the record."""

import csv
import io
from typing import Any

import pytest
from django.http import StreamingHttpResponse
from django.urls import reverse

from groundswell.core.testing import add_member
from groundswell.people.exporting import safe_cell
from groundswell.people.models import ExportRecord, Tag
from groundswell.people.tests.fixtures import Movement, new_person

pytestmark = pytest.mark.django_db


def _rows(response: Any) -> list[dict[str, str]]:
    assert isinstance(response, StreamingHttpResponse)
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[arg-type]
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize(
    ("raw", "safe"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+447700900123", "'+447700900123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("Ada", "Ada"),
        ("", ""),
        (True, "Yes"),
    ],
)
def test_cells_that_would_start_a_formula_get_an_apostrophe(raw: Any, safe: str) -> None:
    assert safe_cell(raw) == safe


def test_the_export_escapes_formulas_in_names(movement: Movement) -> None:
    new_person(given_name="=cmd|' /C calc'!A0", family_name="Evil")
    rows = _rows(movement.client(movement.national).post(reverse("people:export"), {"q": "evil"}))
    assert [r["given_name"] for r in rows] == ["'=cmd|' /C calc'!A0"]


def test_the_export_follows_the_filters_and_records_who_how_many_and_which(
    movement: Movement,
) -> None:
    tag = Tag.objects.create(name="donor")
    movement.in_a.tags.add(tag)
    movement.in_b.tags.add(tag)
    client = movement.client(movement.national)
    rows = _rows(client.post(reverse("people:export"), {"tag": "donor"}))
    assert sorted(r["family_name"] for r in rows) == ["Adams", "Brown"]
    assert rows[0]["tags"] == "donor" and "@" in rows[0]["email"]
    record = ExportRecord.objects.get()
    assert record.exported_by == movement.national and record.row_count == 2
    assert record.filters == {"tag": "donor"}


def test_an_organiser_exports_only_people_they_can_see_even_when_filtering_for_others(
    movement: Movement,
) -> None:
    tag = Tag.objects.create(name="donor")
    movement.in_b.tags.add(tag)
    movement.in_a.tags.add(tag)
    rows = _rows(
        movement.client(movement.organiser_a).post(reverse("people:export"), {"tag": "donor"})
    )
    assert [r["family_name"] for r in rows] == ["Adams"]


def test_asking_to_export_says_how_many_and_writes_nothing(movement: Movement) -> None:
    for _ in range(3):
        add_member(movement.group_b, new_person())
    response = movement.client(movement.national).get(
        reverse("people:export"), {"group": movement.group_b.pk}
    )
    assert response.context["count"] == 5  # Bea, Cal and three more
    assert "5 people" in response.content.decode()
    assert not ExportRecord.objects.exists()


def test_a_bad_filter_exports_nothing(movement: Movement) -> None:
    response = movement.client(movement.national).post(
        reverse("people:export"), {"postcode": "not a postcode"}
    )
    assert response.status_code == 400
    assert not ExportRecord.objects.exists()


def test_the_export_includes_custom_fields(movement: Movement) -> None:
    from groundswell.people.actions import define_custom_field, set_custom_fields

    define_custom_field("shifts", "Shifts", "number")
    set_custom_fields(movement.in_a, {"shifts": "-4"}, actor=None)
    rows = _rows(movement.client(movement.national).post(reverse("people:export"), {"q": "ada"}))
    [ada] = [row for row in rows if row["id"] == str(movement.in_a.pk)]
    assert ada["custom:shifts"] == "'-4"
