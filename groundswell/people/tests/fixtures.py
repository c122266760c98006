"""Typed helpers for the people tests: a small movement with two groups, and factories that say what they return."""

from dataclasses import dataclass
from typing import Any

from django.test import Client

from groundswell.accounts.models import Role, User
from groundswell.core.testing import (
    GroupFactory,
    PersonFactory,
    add_member,
    make_user,
    verified_client,
)
from groundswell.groups.models import Group, Membership
from groundswell.people.models import Person


def new_person(**fields: Any) -> Person:
    person: Person = PersonFactory(**fields)  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return person


def new_group(**fields: Any) -> Group:
    group: Group = GroupFactory(**fields)  # type: ignore[assignment,no-untyped-call,unused-ignore]
    return group


@dataclass
class Movement:
    """Group A (organised by organiser_a, with member, in_a and in_both) and group B (in_b, in_both)."""

    group_a: Group
    group_b: Group
    organiser_a: User
    national: User
    member: User
    in_a: Person
    in_b: Person
    in_both: Person

    def client(self, user: User) -> Client:
        return verified_client(user)


def build_movement() -> Movement:
    group_a, group_b = new_group(name="Alpha Group"), new_group(name="Beta Group")
    # Fixed names throughout, so no invented name can match a search in a test by chance.
    organiser_a = make_user(person=new_person(given_name="Olive", family_name="Organiser"))
    add_member(group_a, organiser_a.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    member = make_user(person=new_person(given_name="Meg", family_name="Member"))
    add_member(group_a, member.person)  # type: ignore[arg-type]
    in_a = new_person(given_name="Ada", family_name="Adams")
    add_member(group_a, in_a)
    in_b = new_person(given_name="Bea", family_name="Brown")
    add_member(group_b, in_b)
    in_both = new_person(given_name="Cal", family_name="Clark")
    add_member(group_a, in_both)
    add_member(group_b, in_both, Membership.Role.ORGANISER)
    national = make_user(
        Role.NATIONAL_ORGANISER, person=new_person(given_name="Nat", family_name="Zed")
    )
    return Movement(group_a, group_b, organiser_a, national, member, in_a, in_b, in_both)
