"""Planning the demo's sign-in accounts (one per role worth trying) and the notes their holders wrote."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from random import Random

from groundswell.core.demo import catalogue
from groundswell.core.demo.group_plan import MEMBER, ORGANISER, GroupPlan, joined_at
from groundswell.core.demo.people_plan import PersonPlan

DEMO_PASSWORD = "groundswell-demo"
NOTES_PER_AUTHOR = 20
# (key, email, accounts role, needs two-factor, staff): one account per role worth trying
DEMO_LOGINS = (
    ("member", "member@example.org", "member", False, False),
    ("organiser", "organiser@example.org", "member", True, False),
    ("organiser2", "organiser2@example.org", "member", True, False),
    ("national", "national@example.org", "national_organiser", True, False),
    ("data", "data@example.org", "data_officer", True, False),
    ("admin", "admin@example.org", "admin", True, True),
)
DEMO_LOGIN_EMAILS = tuple(spec[1] for spec in DEMO_LOGINS)


@dataclass
class LoginPlan:
    key: str
    email: str
    role: str  # accounts.User.role
    person: int
    two_factor: bool
    is_staff: bool = False


@dataclass(frozen=True)
class NotePlan:
    person: int
    author: str  # a LoginPlan key
    text: str
    at: datetime


def plan_logins(
    rng: Random, people: list[PersonPlan], groups: list[GroupPlan], now: datetime
) -> list[LoginPlan]:
    """Picks the people behind each demo login and gives them memorable addresses."""
    holders = _choose_holders(rng, people, groups, now)
    logins = [
        LoginPlan(key, email, role, holders[key], two_factor, is_staff)
        for key, email, role, two_factor, is_staff in DEMO_LOGINS
    ]
    national = next(g for g in groups if g.kind == "national")
    for key, role in (("national", ORGANISER), ("data", MEMBER), ("admin", MEMBER)):
        national.add(holders[key], role, joined_at(rng, people[holders[key]], now))
    for login in logins:
        people[login.person].email = login.email
    return logins


def _choose_holders(
    rng: Random, people: list[PersonPlan], groups: list[GroupPlan], now: datetime
) -> dict[str, int]:
    """Organisers of the biggest local group and of an action group; a plain member of the former."""
    taken = {i for g in groups for i in g.organisers()}
    local = max((g for g in groups if g.kind == "local"), key=lambda g: (len(g.members), g.name))
    action = next((g for g in groups if g.kind == "action"), None) or local
    first = local.organisers()[0]
    second = next((i for i in action.organisers() if i != first), None)
    if second is None:
        second = _free_member(rng, people, taken)
        action.add(second, ORGANISER, joined_at(rng, people[second], now))
    # The member login is a paid-up member, so it may vote and take part in every decision.
    plain = [
        i
        for i, (role, _) in local.members.items()
        if role == MEMBER and i not in taken and people[i].status == "member"
    ]
    member = plain[0] if plain else _free_member(rng, people, taken)
    taken |= {first, second, member}
    holders = {"member": member, "organiser": first, "organiser2": second}
    for key in ("national", "data", "admin"):
        holders[key] = _free_member(rng, people, taken)
    return holders


def _free_member(rng: Random, people: list[PersonPlan], taken: set[int]) -> int:
    """A member nobody has picked yet (people are invented: any of them will do)."""
    while True:
        index = rng.randrange(len(people))
        if index not in taken and people[index].status == "member":
            taken.add(index)
            return index


def plan_notes(
    rng: Random,
    logins: list[LoginPlan],
    groups: list[GroupPlan],
    people: list[PersonPlan],
    now: datetime,
) -> list[NotePlan]:
    """Organisers jot notes on people in their own groups; the national organiser on anyone."""
    notes = []
    for login in logins:
        if login.key.startswith("organiser"):
            organised = [g for g in groups if login.person in g.organisers()]
            scope = list(dict.fromkeys(i for g in organised for i in g.members))
        elif login.key == "national":
            scope = list(range(len(people)))
        else:
            continue
        for index in rng.sample(scope, min(len(scope), NOTES_PER_AUTHOR)):
            at = max(now - timedelta(days=rng.randint(1, 400)), people[index].created_at)
            notes.append(NotePlan(index, login.key, rng.choice(catalogue.NOTES), at))
    return notes
