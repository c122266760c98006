"""The demo movement's target seats: the 40 most marginal of 2024, chosen by the demo national organiser."""

import random
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from groundswell.core.demo.targets import DEMO_TARGETS, write_targets
from groundswell.geo.models import Constituency
from groundswell.targets.models import Priority, Target

pytestmark = pytest.mark.django_db


def test_it_adopts_the_most_marginal_seats_with_goals_by_priority() -> None:
    assert write_targets(random.Random(7)) == DEMO_TARGETS == 40
    chosen = set(Target.objects.values_list("constituency_id", flat=True))
    closest = Constituency.objects.exclude(majority_pct=None).order_by("majority_pct")[:40]
    assert chosen == {seat.pk for seat in closest}
    hendon = Target.objects.get(constituency__name="Hendon")
    assert hendon.priority == Priority.TOP and hendon.weekly_goal >= 20
    assert Target.objects.filter(active=True).count() == 40


def test_writing_again_resets_rather_than_duplicates() -> None:
    write_targets(random.Random(7))
    Target.objects.update(active=False, weekly_goal=1)
    write_targets(random.Random(7))
    assert Target.objects.count() == 40
    assert not Target.objects.filter(active=False).exists()
    assert not Target.objects.filter(weekly_goal=1).exists()


def test_the_loaded_demo_has_targets_the_finder_shows() -> None:
    call_command("load_demo", "--people", "60", stdout=StringIO())
    assert Target.objects.count() == 40
    assert Target.objects.filter(created_by__email="national@example.org").count() == 40
    response = Client().get(reverse("targets:finder"), {"postcode": "BH15 1AA"})  # Poole
    assert response.context["found"][0].seat.name == "Poole"
