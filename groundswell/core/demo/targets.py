"""Demo target seats: the 40 most marginal seats of 2024, chosen by the demo national organiser, with weekly
goals that vary the way a real list would (the closest seats asking most). Their sign-ups are the demo
canvassing sessions that write_events places in those seats."""

import random

from django.db import transaction

from groundswell.accounts.models import Role, User
from groundswell.core.demo.logins_plan import DEMO_LOGIN_EMAILS
from groundswell.geo.models import Constituency
from groundswell.targets.actions import priority_for_margin
from groundswell.targets.models import Target
from groundswell.targets.snapshot import targets_changed

DEMO_TARGETS = 40
GOALS = {1: (20, 25, 30), 2: (15, 20), 3: (10, 15)}  # by priority


def write_targets(rng: random.Random) -> int:
    """Choose the demo movement's target seats; returns how many. Called after write_events.
    Seats already targets (from an earlier load: --flush keeps them) are reset, not duplicated."""
    seats = list(
        Constituency.objects.exclude(majority_pct=None).order_by("majority_pct", "name")[
            :DEMO_TARGETS
        ]
    )
    chooser = User.objects.filter(email__in=DEMO_LOGIN_EMAILS, role=Role.NATIONAL_ORGANISER).first()
    existing = Target.objects.in_bulk([s.pk for s in seats], field_name="constituency_id")
    fresh: list[Target] = []
    reset: list[Target] = []
    for seat in seats:
        priority = priority_for_margin(seat.majority_pct)
        target = existing.get(seat.pk) or Target(constituency=seat)
        target.priority, target.weekly_goal = priority, rng.choice(GOALS[priority])
        target.active, target.created_by = True, chooser
        (reset if target.pk else fresh).append(target)
    Target.objects.bulk_create(fresh)
    Target.objects.bulk_update(reset, ["priority", "weekly_goal", "active", "created_by"])
    transaction.on_commit(targets_changed)
    return len(seats)
