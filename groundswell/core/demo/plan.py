"""The whole demo movement planned in memory from one seed: same seed and places, same movement."""

from dataclasses import dataclass
from datetime import datetime
from random import Random

from groundswell.core.demo.group_plan import GroupPlan
from groundswell.core.demo.local_groups import plan_local_groups
from groundswell.core.demo.logins_plan import LoginPlan, NotePlan, plan_logins, plan_notes
from groundswell.core.demo.networks import plan_networks
from groundswell.core.demo.people_plan import PersonPlan, plan_people
from groundswell.core.demo.places import Places


@dataclass
class DemoPlan:
    people: list[PersonPlan]
    groups: list[GroupPlan]
    logins: list[LoginPlan]
    notes: list[NotePlan]


def plan_movement(seed: int, count: int, places: Places, now: datetime) -> DemoPlan:
    """Dates are counted back from `now`, so a demo loaded today looks lived-in today."""
    if count < 50:
        raise ValueError("The demo needs at least 50 people to fill its groups.")
    rng = Random(seed)
    people = plan_people(rng, places, count, now.date())
    groups = plan_local_groups(rng, places, people, now) + plan_networks(rng, places, people, now)
    _make_slugs_unique(groups)
    logins = plan_logins(rng, people, groups, now)
    notes = plan_notes(rng, logins, groups, people, now)
    return DemoPlan(people, groups, logins, notes)


def _make_slugs_unique(groups: list[GroupPlan]) -> None:
    seen: set[str] = set()
    for group in groups:
        slug, n = group.slug, 2
        while slug in seen:
            slug, n = f"{group.slug}-{n}", n + 1
        group.slug = slug
        seen.add(slug)
