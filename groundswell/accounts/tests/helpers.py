"""Typed shortcuts for the accounts and home tests: places, people and pages."""

from typing import Any

from groundswell.accounts.models import User
from groundswell.core.testing import GroupFactory, PersonFactory
from groundswell.geo.models import PostcodeDistrict
from groundswell.groups.models import Group
from groundswell.people.models import Person

CENTROIDS = {"SW1A": (51.5027, -0.1357), "SE1": (51.4980, -0.0900), "M1": (53.4790, -2.2360)}


def district(code: str) -> PostcodeDistrict:
    """The row geo's data loaded, else one made on the spot."""
    lat, lng = CENTROIDS[code]
    found, _ = PostcodeDistrict.objects.get_or_create(code=code, defaults={"lat": lat, "lng": lng})
    return found


def person_of(user: User) -> Person:
    assert user.person is not None
    return user.person


def new_person(**fields: object) -> Person:
    return PersonFactory.create(**fields)


def new_group(**fields: object) -> Group:
    return GroupFactory.create(**fields)


def location(response: Any) -> str:
    return str(response["Location"])


def main(page: str) -> str:
    """The page without its header and footer (which carry a per-request CSRF token)."""
    return page[page.index("<main") : page.index("</main>")]
