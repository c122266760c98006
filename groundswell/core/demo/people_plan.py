"""Planning the demo's people: who they are, where they live, how they joined and what they agreed to."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from random import Random
from typing import Any

from groundswell.core.demo import catalogue, contacts
from groundswell.core.demo.names import POOLS, pick_heritage, pick_name
from groundswell.core.demo.places import District, Places, jitter

TEN_YEARS = 3650
RECENT_SURGE = 0.06  # share of people who came in over the last two months
_CONSENT_CHANCE = {"email": 0.82, "sms": 0.55, "phone": 0.45}
_WITHDRAWAL = {
    "email": "unsubscribe link",
    "sms": "replied STOP to a text",
    "phone": "asked on a call",
}


@dataclass(frozen=True)
class ConsentPlan:
    channel: str
    granted: bool
    at: datetime
    method: str


@dataclass
class PersonPlan:
    given_name: str
    family_name: str
    email: str
    mobile: str
    district: District
    postal_code: str
    lat: float
    lng: float
    address_lines: str
    status: str
    member_since: date | None
    lapsed_on: date | None
    created_at: datetime
    source: str
    tags: list[str] = field(default_factory=list)
    custom_fields: dict[str, Any] = field(default_factory=dict)
    consents: list[ConsentPlan] = field(default_factory=list)

    def consent(self, channel: str) -> bool:
        """Where the person stands now: the last change on that channel."""
        changes = [c for c in self.consents if c.channel == channel]
        return bool(changes) and changes[-1].granted


def moment(rng: Random, day: date) -> datetime:
    return datetime.combine(day, time(rng.randint(7, 22), rng.randrange(60)), tzinfo=UTC)


def plan_people(rng: Random, places: Places, count: int, today: date) -> list[PersonPlan]:
    taken_mobiles: set[str] = set()
    return [_plan_person(rng, places, n, today, taken_mobiles) for n in range(1, count + 1)]


def _plan_person(
    rng: Random, places: Places, number: int, today: date, taken_mobiles: set[str]
) -> PersonPlan:
    district = places.pick_district(rng)
    heritage = pick_heritage(rng, district.seat.region)
    given, family = pick_name(rng, heritage)
    status = rng.choices(("member", "supporter", "lapsed"), weights=(65, 30, 5))[0]
    joined = today - timedelta(days=_days_ago(rng))
    source, method, _ = rng.choices(catalogue.SOURCES, [s[2] for s in catalogue.SOURCES])[0]
    lat, lng = jitter(rng, district.lat, district.lng)
    person = PersonPlan(
        given_name=given,
        family_name=family,
        email=contacts.email_address(
            given, family, number, rng.choice(contacts.DEMO_EMAIL_DOMAINS)
        ),
        mobile=contacts.mobile_number(rng, taken_mobiles) if rng.random() < 0.85 else "",
        district=district,
        postal_code=f"{district.code} {contacts.inward_code(rng)}",
        lat=lat,
        lng=lng,
        address_lines=contacts.street_address(rng) if rng.random() < 0.7 else "",
        status=status,
        member_since=None if status == "supporter" else joined,
        lapsed_on=_lapsed_on(rng, joined, today) if status == "lapsed" else None,
        created_at=moment(rng, joined),
        source=source,
    )
    person.tags = _tags(rng, person)
    person.custom_fields = _custom_fields(rng, person, heritage)
    person.consents = _consents(rng, person, method, today)
    return person


def _days_ago(rng: Random) -> int:
    """At least a day ago; most over the past few years, and a recent surge so the dashboards move."""
    if rng.random() < RECENT_SURGE:
        return rng.randint(1, 60)
    return 1 + int(rng.triangular(0, TEN_YEARS, 700))


def _lapsed_on(rng: Random, joined: date, today: date) -> date:
    span = (today - joined).days
    return today if span < 180 else joined + timedelta(days=rng.randint(180, span))


def _tags(rng: Random, person: PersonPlan) -> list[str]:
    active = 1.0 if person.status == "member" else 1 / 3
    tags = []
    for tag, chance in catalogue.TAGS:
        scale = active if tag in catalogue.ACTIVITY_TAGS else 1.0
        if rng.random() < chance * scale:
            tags.append(tag)
    return tags


def _custom_fields(rng: Random, person: PersonPlan, heritage: str) -> dict[str, Any]:
    values: dict[str, Any] = {}
    work_unions = [u for tag in person.tags for u in catalogue.UNION_BY_TAG.get(tag, ())]
    if work_unions and rng.random() < 0.7:
        values["union"] = rng.choice(work_unions)
    elif rng.random() < (0.6 if "union rep" in person.tags else 0.2):
        values["union"] = rng.choice(catalogue.UNIONS)
    languages = list(POOLS[heritage].languages)
    if languages and rng.random() < 0.5:
        values["languages"] = ", ".join(
            rng.sample(languages, min(len(languages), rng.randint(1, 2)))
        )
    if person.status == "member" and rng.random() < 0.4:
        values["availability"] = rng.choice(catalogue.AVAILABILITY)
    return values


def _consents(rng: Random, person: PersonPlan, method: str, today: date) -> list[ConsentPlan]:
    channels = ("email", "sms", "phone") if person.mobile else ("email",)
    changes = []
    for channel in channels:
        granted = rng.random() < _CONSENT_CHANCE[channel]
        changes.append(ConsentPlan(channel, granted, person.created_at, method))
        days_since = (today - person.created_at.date()).days
        if granted and days_since > 31 and rng.random() < 0.06:
            later = person.created_at + timedelta(days=rng.randint(30, days_since - 1))
            changes.append(ConsentPlan(channel, False, later, _WITHDRAWAL[channel]))
    return changes
