"""Planning the local groups: one per chosen constituency, spread over every nation and region by people."""

import re
import unicodedata
from collections import defaultdict
from datetime import datetime
from random import Random

from groundswell.core.demo import catalogue
from groundswell.core.demo.group_plan import MEMBER, GroupPlan, joined_at, pick_organisers
from groundswell.core.demo.people_plan import PersonPlan
from groundswell.core.demo.places import Places, Seat

LOCAL_GROUPS = 150
_JOIN_CHANCE = {"member": 0.9, "supporter": 0.6, "lapsed": 0.2}


def slugify(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def plan_local_groups(
    rng: Random, places: Places, people: list[PersonPlan], now: datetime
) -> list[GroupPlan]:
    residents: dict[int, list[int]] = defaultdict(list)
    for index, person in enumerate(people):
        residents[person.district.seat.id].append(index)
    seats = _choose_seats(rng, places.seats(), residents, LOCAL_GROUPS)
    groups = [_local_group(rng, places, seat, residents[seat.id], people, now) for seat in seats]
    for group in groups:
        pick_organisers(rng, group, people, now)
    return groups


def _choose_seats(
    rng: Random, seats: list[Seat], residents: dict[int, list[int]], wanted: int
) -> list[Seat]:
    by_region: dict[str, list[Seat]] = defaultdict(list)
    for seat in seats:
        by_region[seat.region].append(seat)
    quotas = _region_quotas(by_region, residents, min(wanted, len(seats)))
    chosen: list[Seat] = []
    for region in sorted(by_region):
        chosen += _weighted_sample(rng, by_region[region], residents, quotas[region])
    return sorted(chosen, key=lambda s: s.name)


def _region_quotas(
    by_region: dict[str, list[Seat]], residents: dict[int, list[int]], wanted: int
) -> dict[str, int]:
    """Two groups per region at least, the rest shared out by people (D'Hondt), no more than its seats."""
    people = {r: sum(len(residents[s.id]) for s in seats) for r, seats in by_region.items()}
    quotas = {r: min(2, len(seats)) for r, seats in by_region.items()}
    while sum(quotas.values()) < wanted:
        open_regions = [r for r in sorted(by_region) if quotas[r] < len(by_region[r])]
        best = max(open_regions, key=lambda r: (people[r] + 1) / (quotas[r] + 1))
        quotas[best] += 1
    return quotas


def _weighted_sample(
    rng: Random, seats: list[Seat], residents: dict[int, list[int]], k: int
) -> list[Seat]:
    """k seats without replacement, likelier where more people live (Efraimidis–Spirakis keys)."""
    keyed = [(rng.random() ** (1 / (len(residents[s.id]) + 0.5)), s.code, s) for s in seats]
    keyed.sort(key=lambda item: (item[0], item[1]), reverse=True)
    return [seat for _, _, seat in keyed[:k]]


def _local_group(
    rng: Random,
    places: Places,
    seat: Seat,
    residents: list[int],
    people: list[PersonPlan],
    now: datetime,
) -> GroupPlan:
    name = f"{seat.name} Groundswell"
    group = GroupPlan(
        name=name,
        slug=slugify(name),
        kind="local",
        description=catalogue.LOCAL_DESCRIPTION.format(seat=seat.name),
        members_info=catalogue.LOCAL_MEMBERS_INFO,
        lat=seat.lat,
        lng=seat.lng,
        district_codes=[d.code for d in places.districts if d.seat.id == seat.id],
        seat_ids=[seat.id],
    )
    for index in residents:
        if rng.random() < _JOIN_CHANCE[people[index].status]:
            group.add(index, MEMBER, joined_at(rng, people[index], now))
    return group
