"""Fixtures for the groups tests: real postcode districts, groups placed on them, people in roles."""

import csv

import pytest

from groundswell.accounts.models import Role, User
from groundswell.core.testing import add_member, make_user, shared_data
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.groups.models import Group, Membership

from .helpers import DistrictMaker, GroupAt, SeatOf, new_group, person_of


def _real_district(code: str) -> PostcodeDistrict:
    """The district as geo's migration loaded it, else created from the shared centroid table."""
    found = PostcodeDistrict.objects.filter(code=code).first()
    if found is not None:
        return found
    with shared_data("geo", "postcode-districts.csv").open(newline="") as handle:
        row = next(r for r in csv.DictReader(handle) if r["district"] == code)
    return PostcodeDistrict.objects.create(
        code=code, lat=float(row["lat"]), lng=float(row["lon"]), n_postcodes=int(row["n_postcodes"])
    )


@pytest.fixture
def district() -> DistrictMaker:
    return _real_district


@pytest.fixture
def seat_of() -> SeatOf:
    """The constituency a district lies in (a stand-in seat if geo's data has not been loaded)."""

    def seat(district: PostcodeDistrict) -> Constituency:
        if district.constituency is None:
            district.constituency = Constituency.objects.create(
                code=f"TEST-{district.code}", name=f"Seat around {district.code}"
            )
            district.save(update_fields=["constituency"])
        return district.constituency

    return seat


@pytest.fixture
def group_at() -> GroupAt:
    """A group centred on a district, covering it unless told otherwise."""

    def make(district: PostcodeDistrict, covers: bool = True, **fields: object) -> Group:
        group = new_group(lat=district.lat, lng=district.lng, **fields)
        if covers:
            group.districts.add(district)
        return group

    return make


@pytest.fixture
def group() -> Group:
    return new_group(name="Hackney Groundswell", slug="hackney")


@pytest.fixture
def organiser(group: Group) -> User:
    user = make_user()
    add_member(group, person_of(user), Membership.Role.ORGANISER)
    return user


@pytest.fixture
def member(group: Group) -> User:
    user = make_user()
    add_member(group, person_of(user))
    return user


@pytest.fixture
def national() -> User:
    return make_user(Role.NATIONAL_ORGANISER)
