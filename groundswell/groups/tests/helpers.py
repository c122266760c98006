"""Typed shortcuts for the groups tests (factory-boy's factories are untyped)."""

from collections.abc import Callable
from typing import Any, cast

from groundswell.accounts.models import User
from groundswell.core.testing import GroupFactory, PersonFactory
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.groups.models import Group
from groundswell.people.models import Person

DistrictMaker = Callable[[str], PostcodeDistrict]
SeatOf = Callable[[PostcodeDistrict], Constituency]
GroupAt = Callable[..., Group]


def new_person(**fields: Any) -> Person:
    return cast(Person, PersonFactory(**fields))  # type: ignore[no-untyped-call]


def new_group(**fields: Any) -> Group:
    return cast(Group, GroupFactory(**fields))  # type: ignore[no-untyped-call]


def person_of(user: User) -> Person:
    assert user.person is not None
    return user.person


def email_of(person: Person) -> str:
    return person.emails.get().address
