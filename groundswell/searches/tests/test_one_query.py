"""A complex search is counted in exactly one SQL query, after a small, bounded number of lookups
made while compiling (the searches it uses, one query per kind of id it names, the postcodes)."""

from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from groundswell.geo.models import PostcodeDistrict
from groundswell.people.models import CustomField, Tag
from groundswell.searches.compiler import compile_definition
from groundswell.searches.queries import people_visible_to
from groundswell.searches.tests.fixtures import (
    Movement,
    answer,
    attend,
    called,
    event_with_shift,
    question,
    saved,
)

pytestmark = pytest.mark.django_db

# Two levels of saved searches, tags, groups, constituencies, questions, custom fields, and geo's
# locate_many (exact postcode, then district): never more than this for the search below.
COMPILE_LOOKUPS_AT_MOST = 10


def complex_definition(movement: Movement) -> dict[str, Any]:
    from django.utils import timezone

    tag = Tag.objects.create(name="driver")
    movement.ada.tags.add(tag)
    CustomField.objects.create(key="union", label="Union", kind="text")
    asked = question(created_by=movement.national)
    answer(movement.bea, asked, "yes")
    called(movement.cal, movement.national, days_ago=1)
    attend(movement.ada, event_with_shift(timezone.now(), kind="canvass"), checked_in=True)
    e8 = PostcodeDistrict.objects.get(code="E8")
    movement.bea.lat, movement.bea.lng = e8.lat, e8.lng
    movement.bea.save()
    inner = saved(movement.national, {"any": [{"filter": "tag", "tag": tag.pk}]}, name="Inner")
    outer = saved(
        movement.national,
        {
            "all": [
                {"filter": "in_search", "search": inner.pk},
                {"filter": "membership", "status": "member"},
            ]
        },
        name="Outer",
    )
    return {
        "any": [
            {"filter": "in_search", "search": outer.pk},
            {"all": [{"filter": "near", "postcode": "E8 1DY", "km": 3}, {"not": {"filter": "consent", "channel": "sms"}}]},
            {"filter": "answer", "question": asked.pk, "values": ["yes"]},
            {"filter": "contacted_within", "days": 7},
            {"filter": "events", "status": "attended", "kind": "canvass"},
            {"filter": "group", "group": movement.group_a.pk},
            {"not": {"filter": "custom_field", "key": "union", "value": "Unite"}},
        ]
    }  # fmt: skip


def test_counting_a_complex_search_is_one_query_after_a_few_lookups(
    movement: Movement, django_assert_num_queries: Any
) -> None:
    definition = complex_definition(movement)
    with CaptureQueriesContext(connection) as compiling:
        q = compile_definition(definition, movement.national)
    assert 1 <= len(compiling) <= COMPILE_LOOKUPS_AT_MOST
    people = people_visible_to(movement.national).filter(q)
    with django_assert_num_queries(1):
        count = people.count()
    assert count == 7  # everyone: group A's four, Bea near E8, and the rest lack "Unite"


def test_an_organisers_count_is_one_query_too(
    movement: Movement, django_assert_num_queries: Any
) -> None:
    definition = {
        "all": [
            {"filter": "consent", "channel": "email"},
            {"not": {"filter": "group", "group": movement.group_a.pk}},
            {"filter": "contacted_within", "days": 3},
        ]
    }
    q = compile_definition(definition, movement.organiser_a)
    people = people_visible_to(movement.organiser_a).filter(q)
    with django_assert_num_queries(1):
        assert people.count() == 0
