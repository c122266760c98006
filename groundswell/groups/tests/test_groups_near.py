import pytest

from groundswell.core.testing import add_member
from groundswell.geo.queries import locate
from groundswell.groups.queries import groups_near

from .helpers import DistrictMaker, GroupAt, SeatOf, new_group, new_person

pytestmark = pytest.mark.django_db


def test_it_puts_the_covering_group_first_then_the_nearest_others_by_distance(
    district: DistrictMaker, group_at: GroupAt
) -> None:
    westminster = group_at(district("SW1A"), name="Westminster")
    group_at(district("M1"), covers=False, name="Manchester")
    group_at(district("SE1"), covers=False, name="Southwark")
    group_at(district("SW9"), covers=False, name="Brixton")

    covering, others = groups_near(locate("SW1A 1AA"), limit=5)

    assert covering == [westminster]
    assert [g.name for g in others] == ["Southwark", "Brixton", "Manchester"]
    kms = [getattr(g, "distance_km") for g in others]  # noqa: B009
    assert kms == sorted(kms)
    assert 2 < kms[0] < 4  # SE1 is about 3 km from SW1A
    assert 255 < kms[-1] < 270  # Manchester about 262 km


def test_it_finds_a_group_covering_the_postcodes_constituency(
    district: DistrictMaker, seat_of: SeatOf, group_at: GroupAt
) -> None:
    sw1a = district("SW1A")
    seat_group = group_at(district("SE1"), covers=False, name="Seat group")
    seat_group.constituencies.add(seat_of(sw1a))

    covering, others = groups_near(locate("SW1A 1AA"))

    assert covering == [seat_group]
    assert others == []


def test_a_group_covering_both_district_and_seat_appears_once(
    district: DistrictMaker, seat_of: SeatOf, group_at: GroupAt
) -> None:
    sw1a = district("SW1A")
    both = group_at(sw1a)
    both.constituencies.add(seat_of(sw1a))

    covering, _ = groups_near(locate("SW1A 1AA"))

    assert covering == [both]


def test_it_leaves_out_inactive_groups_and_limits_the_nearest(
    district: DistrictMaker, group_at: GroupAt
) -> None:
    group_at(district("SW1A"), is_active=False)
    for code in ("SE1", "SW9", "N1", "E1"):
        group_at(district(code), covers=False, name=code)

    covering, others = groups_near(locate("SW1A 1AA"), limit=2)

    assert covering == []
    assert [g.name for g in others] == ["SE1", "SW9"]


def test_it_counts_members_and_ignores_groups_with_no_place(
    district: DistrictMaker, group_at: GroupAt
) -> None:
    covering_group = group_at(district("SW1A"))
    add_member(covering_group, new_person())
    add_member(covering_group, new_person())
    new_group(name="National", lat=None, lng=None)

    covering, others = groups_near(locate("SW1A 1AA"))

    assert getattr(covering[0], "member_count") == 2  # noqa: B009
    assert others == []
