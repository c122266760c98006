"""Writing the planned groups in bulk: groups, their areas, memberships and the history of joining."""

from datetime import datetime, timedelta

from groundswell.core.demo.group_plan import ORGANISER, GroupPlan
from groundswell.core.demo.timestamps import given_timestamps
from groundswell.core.demo.write_people import BATCH
from groundswell.geo.models import PostcodeDistrict
from groundswell.groups.models import Group, Membership
from groundswell.people.models import HistoryEvent


def write_groups(plans: list[GroupPlan], person_ids: list[int], now: datetime) -> list[Group]:
    groups = [_group(plan, now) for plan in plans]
    with given_timestamps((Group, "created_at")):
        Group.objects.bulk_create(groups, batch_size=BATCH)
    _write_areas(groups, plans)
    _write_memberships(groups, plans, person_ids, now)
    return groups


def _group(plan: GroupPlan, now: datetime) -> Group:
    first_join = min((at for _, at in plan.members.values()), default=now)
    return Group(
        name=plan.name,
        slug=plan.slug,
        kind=plan.kind,
        description=plan.description,
        members_info=plan.members_info,
        contact_email=f"{plan.slug[:60]}@example.org",
        lat=plan.lat,
        lng=plan.lng,
        created_at=first_join - timedelta(days=7),
    )


def _write_areas(groups: list[Group], plans: list[GroupPlan]) -> None:
    codes = {code for plan in plans for code in plan.district_codes}
    district_ids = dict(PostcodeDistrict.objects.filter(code__in=codes).values_list("code", "id"))
    districts, seats = Group.districts.through, Group.constituencies.through
    districts.objects.bulk_create(
        (
            districts(group_id=group.pk, postcodedistrict_id=district_ids[code])
            for group, plan in zip(groups, plans, strict=True)
            for code in plan.district_codes
        ),
        batch_size=BATCH,
    )
    seats.objects.bulk_create(
        (
            seats(group_id=group.pk, constituency_id=seat_id)
            for group, plan in zip(groups, plans, strict=True)
            for seat_id in plan.seat_ids
        ),
        batch_size=BATCH,
    )


def _write_memberships(
    groups: list[Group], plans: list[GroupPlan], person_ids: list[int], now: datetime
) -> None:
    memberships, history = [], []
    for group, plan in zip(groups, plans, strict=True):
        for index, (role, at) in plan.members.items():
            person_id = person_ids[index]
            memberships.append(
                Membership(group_id=group.pk, person_id=person_id, role=role, joined_at=at)
            )
            history += _joining_history(group, person_id, role, at, now)
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    HistoryEvent.objects.bulk_create(history, batch_size=BATCH)


def _joining_history(
    group: Group, person_id: int, role: str, at: datetime, now: datetime
) -> list[HistoryEvent]:
    """Worded as groups.actions words joining and promotion."""
    events = [
        HistoryEvent(
            person_id=person_id,
            kind="joined_group",
            summary=f"Joined {group.name}",
            at=at,
            data={"group_id": group.pk},
        )
    ]
    if role == ORGANISER:
        events.append(
            HistoryEvent(
                person_id=person_id,
                kind="group_role",
                summary=f"Made an organiser of {group.name}",
                at=min(at + timedelta(days=30), now),
                data={"group_id": group.pk, "role": role},
            )
        )
    return events
