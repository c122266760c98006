"""A planned group and its members, and how organisers are chosen from them."""

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from random import Random

from groundswell.core.demo.people_plan import PersonPlan
from groundswell.core.demo.places import km_between

ORGANISER = "organiser"
MEMBER = "member"


@dataclass
class GroupPlan:
    name: str
    slug: str
    kind: str
    description: str
    members_info: str
    lat: float | None = None
    lng: float | None = None
    district_codes: list[str] = field(default_factory=list)
    seat_ids: list[int] = field(default_factory=list)
    # person index -> (role, joined at); a dict keeps one membership per person, in insertion order
    members: dict[int, tuple[str, datetime]] = field(default_factory=dict)

    def organisers(self) -> list[int]:
        return [i for i, (role, _) in self.members.items() if role == ORGANISER]

    def add(self, index: int, role: str, at: datetime) -> None:
        self.members[index] = (role, at)


def joined_at(rng: Random, person: PersonPlan, now: datetime) -> datetime:
    """Some weeks after they came to the movement, never in the future."""
    at = person.created_at + timedelta(days=rng.randint(0, 90), hours=rng.randint(0, 12))
    if at <= now:
        return at
    # Newcomers joined somewhere between arriving and now, not all at this very moment.
    span = max((now - person.created_at).total_seconds(), 0.0)
    return person.created_at + timedelta(seconds=rng.uniform(0, span))


def pick_organisers(rng: Random, group: GroupPlan, people: list[PersonPlan], now: datetime) -> None:
    """Promote one to three active members; a group nobody local joined gets its nearest member."""
    candidates = [i for i in group.members if people[i].status == "member"]
    if not candidates:
        candidates = [_nearest_member(group, people)]
        group.add(candidates[0], MEMBER, joined_at(rng, people[candidates[0]], now))
    weights = [1 + 2 * len(_active_tags(people[i])) for i in candidates]
    chosen: list[int] = []
    for _ in range(min(rng.randint(1, 3), len(candidates))):
        index = rng.choices(candidates, weights)[0]
        if index not in chosen:
            chosen.append(index)
    for index in chosen:
        group.add(index, ORGANISER, group.members[index][1])


def _active_tags(person: PersonPlan) -> set[str]:
    return set(person.tags) & {"canvasser", "speaker", "trainer", "phone banker"}


def _nearest_member(group: GroupPlan, people: list[PersonPlan]) -> int:
    members = [i for i, p in enumerate(people) if p.status == "member"] or list(range(len(people)))
    if group.lat is None or group.lng is None:
        return members[0]
    lat, lng = group.lat, group.lng
    return min(members, key=lambda i: km_between(lat, lng, people[i].lat, people[i].lng))
