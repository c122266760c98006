"""Loading the demo movement into the database in one transaction: plan in memory, then bulk writes."""

import random

from django.db import transaction
from django.utils import timezone

from groundswell.core.demo.ballots import write_ballots
from groundswell.core.demo.constitution import write_constitution
from groundswell.core.demo.events import write_events
from groundswell.core.demo.guard import check_database_is_empty, flush_movement
from groundswell.core.demo.outreach import write_outreach
from groundswell.core.demo.plan import plan_movement
from groundswell.core.demo.primary import write_primary
from groundswell.core.demo.selections import write_selections
from groundswell.core.demo.store_places import load_places
from groundswell.core.demo.targets import write_targets
from groundswell.core.demo.write_accounts import DemoLogin, write_logins, write_notes
from groundswell.core.demo.write_groups import write_groups
from groundswell.core.demo.write_people import write_people


def load_demo(seed: int, people: int, flush: bool = False) -> list[DemoLogin]:
    """Builds the movement; refuses (CommandError) over existing people unless `flush` wipes them."""
    with transaction.atomic():
        if flush:
            flush_movement()
        check_database_is_empty()
        now = timezone.now()
        plan = plan_movement(seed, people, load_places(), now)
        person_ids = write_people(plan.people)
        write_groups(plan.groups, person_ids, now)
        logins = write_logins(plan.logins, person_ids)
        write_notes(plan.notes, person_ids, logins)
        write_events(random.Random(seed + 1))
        write_targets(random.Random(seed + 2))
        write_outreach(random.Random(seed + 3))
        write_ballots(random.Random(seed + 4), now)
        write_primary(random.Random(seed + 5), now)
        write_selections(random.Random(seed + 6), now)
        write_constitution(random.Random(seed + 7), now)
    return logins
