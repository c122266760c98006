"""The organiser home: my groups with members and recent joins; national figures for the national team."""

from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from groundswell.core.testing import add_member
from groundswell.people.tests.fixtures import Movement, new_person

pytestmark = pytest.mark.django_db


def test_an_organiser_sees_their_groups_with_member_counts_and_recent_joins(
    movement: Movement, django_assert_max_num_queries: Any
) -> None:
    old = add_member(movement.group_a, new_person(given_name="Old", family_name="Timer"))
    old.joined_at = timezone.now() - timedelta(days=90)
    old.save()
    client = movement.client(movement.organiser_a)
    client.get(reverse("people:list"))
    with django_assert_max_num_queries(10):
        response = client.get(reverse("core:organiser_home"))
    [group] = response.context["groups"]
    assert group.name == "Alpha Group" and group.member_count == 5 and group.recent_joins == 4
    assert response.context["national"] is None
    html = response.content.decode()
    assert "Beta Group" not in html and "Ada Adams" in html and "Bea Brown" not in html


def test_the_national_team_sees_the_movement_figures(movement: Movement) -> None:
    response = movement.client(movement.national).get(reverse("core:organiser_home"))
    assert response.context["national"] == {"people": 6, "members": 6, "new_this_month": 6}
    assert reverse("people:export") in response.content.decode()


def test_an_organiser_finds_every_decision_tool_from_their_home(movement: Movement) -> None:
    html = (
        movement.client(movement.organiser_a).get(reverse("core:organiser_home")).content.decode()
    )
    for name in ("democracy:manage_list", "primary:list", "selections:list", "constitution:list"):
        assert f'href="{reverse(name)}"' in html, name
