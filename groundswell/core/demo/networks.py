"""Planning the groups that are not local: union networks, workplaces, councillors, action groups, national."""

from datetime import datetime
from random import Random

from groundswell.core.demo import catalogue
from groundswell.core.demo.group_plan import MEMBER, GroupPlan, joined_at, pick_organisers
from groundswell.core.demo.local_groups import slugify
from groundswell.core.demo.people_plan import PersonPlan
from groundswell.core.demo.places import Places, km_between

WORKPLACE_RADIUS_KM = 8.0


def plan_networks(
    rng: Random, places: Places, people: list[PersonPlan], now: datetime
) -> list[GroupPlan]:
    groups = [_union_network(rng, union, people, now) for union in catalogue.UNIONS]
    for area_group in catalogue.WORKPLACES + catalogue.ACTION_GROUPS:
        planned = _area_group(rng, places, area_group, people, now)
        if planned is not None:
            groups.append(planned)
    groups.append(_councillors(rng, people, now))
    for group in groups:
        pick_organisers(rng, group, people, now)
    groups.append(_national(rng, people, now))
    return groups


def _network(name: str, kind: str, description: str) -> GroupPlan:
    return GroupPlan(
        name=name,
        slug=slugify(name),
        kind=kind,
        description=description,
        members_info=catalogue.NETWORK_MEMBERS_INFO,
    )


def _union_network(rng: Random, union: str, people: list[PersonPlan], now: datetime) -> GroupPlan:
    group = _network(
        f"{union} members' network", "union", catalogue.UNION_DESCRIPTION.format(union=union)
    )
    for index, person in enumerate(people):
        in_union = person.custom_fields.get("union") == union and person.status != "lapsed"
        if in_union and rng.random() < 0.8:
            group.add(index, MEMBER, joined_at(rng, person, now))
    return group


def _area_group(
    rng: Random,
    places: Places,
    spec: catalogue.AreaGroup,
    people: list[PersonPlan],
    now: datetime,
) -> GroupPlan | None:
    districts = [d for d in (places.district(code) for code in spec.districts) if d is not None]
    if not districts:
        return None
    group = _network(spec.name, spec.kind, spec.description)
    group.lat = round(sum(d.lat for d in districts) / len(districts), 6)
    group.lng = round(sum(d.lng for d in districts) / len(districts), 6)
    group.district_codes = [d.code for d in districts]
    group.seat_ids = sorted({d.seat.id for d in districts})
    codes = set(group.district_codes)
    for index, person in enumerate(people):
        if rng.random() < _area_chance(spec, group, codes, person):
            group.add(index, MEMBER, joined_at(rng, person, now))
    return group


def _area_chance(
    spec: catalogue.AreaGroup, group: GroupPlan, codes: set[str], person: PersonPlan
) -> float:
    tagged = spec.tag in person.tags
    if spec.kind == "action":
        return (0.6 if tagged else 0.08) if person.district.code in codes else 0.0
    assert group.lat is not None and group.lng is not None
    near = km_between(group.lat, group.lng, person.lat, person.lng) <= WORKPLACE_RADIUS_KM
    return (0.5 if tagged else 0.01) if near else 0.0


def _councillors(rng: Random, people: list[PersonPlan], now: datetime) -> GroupPlan:
    group = _network(
        "Groundswell councillors' network", "councillors", catalogue.COUNCILLORS_DESCRIPTION
    )
    for index, person in enumerate(people):
        if "councillor" in person.tags:
            group.add(index, MEMBER, joined_at(rng, person, now))
    return group


def _national(rng: Random, people: list[PersonPlan], now: datetime) -> GroupPlan:
    """Speakers and trainers volunteer nationally; the national team joins as organisers later."""
    group = _network("Groundswell national team", "national", catalogue.NATIONAL_DESCRIPTION)
    for index, person in enumerate(people):
        if {"speaker", "trainer"} & set(person.tags) and person.status == "member":
            group.add(index, MEMBER, joined_at(rng, person, now))
    return group
