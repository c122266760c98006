"""Every write to groups and memberships: creating and editing groups, joining and leaving, and
organisers adding, removing, promoting and demoting members. Each checks the acting user's rights
and records what happened in the person's history."""

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from groundswell.core.access import sees_everyone
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.groups.models import Group, GroupKind, Membership
from groundswell.groups.queries import can_manage
from groundswell.people.actions import add_history
from groundswell.people.models import Person

ORGANISER = Membership.Role.ORGANISER
MEMBER = Membership.Role.MEMBER


class GroupError(ValueError):
    """A request that cannot be carried out, with a message fit to show the person who made it."""


def create_group(
    actor: Any,
    *,
    name: str,
    kind: str = GroupKind.LOCAL,
    description: str = "",
    members_info: str = "",
    districts: Iterable[PostcodeDistrict] = (),
    constituencies: Iterable[Constituency] = (),
    organiser: Person | None = None,
) -> Group:
    """A new group (national roles only), optionally with its first organiser."""
    if not sees_everyone(actor):
        raise PermissionDenied("Only national organisers can create groups.")
    name = name.strip()
    if not name:
        raise GroupError("A group needs a name.")
    if kind not in GroupKind.values:
        raise GroupError(f"“{kind}” is not a kind of group.")
    with transaction.atomic():
        group = Group.objects.create(
            name=name[:150],
            slug=_unique_slug(name),
            kind=kind,
            description=description,
            members_info=members_info,
        )
        set_area(group, list(districts), list(constituencies))
        if organiser is not None:
            _create_membership(group, organiser, ORGANISER, actor, "added_to_group", "Added to")
    return group


def _unique_slug(name: str) -> str:
    base = slugify(name)[:150] or "group"
    slug, n = base, 1
    while Group.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def set_area(
    group: Group, districts: list[PostcodeDistrict], constituencies: list[Constituency]
) -> None:
    """Set the area a group covers; its position (for distance search) follows the area's centre."""
    group.districts.set(districts)
    group.constituencies.set(constituencies)
    points = [(d.lat, d.lng) for d in districts]
    for seat in constituencies:
        if seat.centroid_lat is not None and seat.centroid_lng is not None:
            points.append((seat.centroid_lat, seat.centroid_lng))
    if points:
        group.lat = sum(p[0] for p in points) / len(points)
        group.lng = sum(p[1] for p in points) / len(points)
        group.save(update_fields=["lat", "lng"])


def update_group(
    actor: Any,
    group: Group,
    *,
    description: str,
    members_info: str,
    contact_email: str,
    districts: list[PostcodeDistrict],
    constituencies: list[Constituency],
) -> None:
    _check_can_manage(actor, group)
    with transaction.atomic():
        group.description = description
        group.members_info = members_info
        group.contact_email = contact_email
        group.save(update_fields=["description", "members_info", "contact_email"])
        set_area(group, districts, constituencies)


def join_group(person: Person, group: Group, actor: Any = None) -> Membership:
    """Join as a member. Joining a group you are already in changes nothing."""
    if not group.is_active:
        raise GroupError(f"{group.name} is no longer active.")
    with transaction.atomic():
        membership, created = Membership.objects.get_or_create(
            group=group, person=person, defaults={"role": MEMBER, "joined_at": timezone.now()}
        )
        if created:
            add_history(person, "joined_group", f"Joined {group.name}", actor, group_id=group.pk)
    return membership


def leave_group(person: Person, group: Group, actor: Any = None) -> bool:
    """Leave a group. Returns whether the person was in it. The last organiser cannot leave."""
    with transaction.atomic():
        membership = _locked_membership(group, person)
        if membership is None:
            return False
        _keep_an_organiser(group, membership, actor)
        membership.delete()
        add_history(person, "left_group", f"Left {group.name}", actor, group_id=group.pk)
    return True


def add_member(
    actor: Any, group: Group, person: Person, role: str = MEMBER
) -> tuple[Membership, bool]:
    """An organiser adds someone. Returns (membership, created); an existing member is left as is."""
    _check_can_manage(actor, group)
    _check_role(role)
    with transaction.atomic():
        existing = Membership.objects.filter(group=group, person=person).first()
        if existing is not None:
            return existing, False
        return _create_membership(group, person, role, actor, "added_to_group", "Added to"), True


def remove_member(actor: Any, group: Group, person: Person) -> None:
    _check_can_manage(actor, group)
    with transaction.atomic():
        membership = _locked_membership(group, person)
        if membership is None:
            raise GroupError(f"{person} is not a member of {group.name}.")
        _keep_an_organiser(group, membership, actor)
        membership.delete()
        add_history(
            person,
            "removed_from_group",
            f"Removed from {group.name}",
            actor,
            group_id=group.pk,
        )


def set_role(actor: Any, group: Group, person: Person, role: str) -> Membership:
    """Promote to organiser or demote to member; the last organiser stays unless a national role acts."""
    _check_can_manage(actor, group)
    _check_role(role)
    with transaction.atomic():
        membership = _locked_membership(group, person)
        if membership is None:
            raise GroupError(f"{person} is not a member of {group.name}.")
        if membership.role == role:
            return membership
        if role == MEMBER:
            _keep_an_organiser(group, membership, actor)
        membership.role = role
        membership.save(update_fields=["role"])
        summary = (
            f"Made an organiser of {group.name}"
            if role == ORGANISER
            else f"No longer an organiser of {group.name}"
        )
        add_history(person, "group_role", summary, actor, group_id=group.pk, role=role)
    return membership


def _create_membership(
    group: Group, person: Person, role: str, actor: Any, kind: str, verb: str
) -> Membership:
    membership = Membership.objects.create(
        group=group, person=person, role=role, joined_at=timezone.now()
    )
    label = "" if role == MEMBER else f" as {Membership.Role(role).label.lower()}"
    add_history(person, kind, f"{verb} {group.name}{label}", actor, group_id=group.pk, role=role)
    return membership


def _locked_membership(group: Group, person: Person) -> Membership | None:
    return Membership.objects.select_for_update().filter(group=group, person=person).first()


def _keep_an_organiser(group: Group, leaving: Membership, actor: Any) -> None:
    """Refuse to take away a group's last organiser, unless a national role does it."""
    if leaving.role != ORGANISER or (actor is not None and sees_everyone(actor)):
        return
    # Lock every organiser row so two organisers demoting each other at once cannot both succeed.
    organisers = Membership.objects.select_for_update().filter(group=group, role=ORGANISER)
    if not [pk for pk in organisers.values_list("pk", flat=True) if pk != leaving.pk]:
        raise GroupError(
            f"{group.name} needs at least one organiser: make someone else an organiser first."
        )


def _check_can_manage(actor: Any, group: Group) -> None:
    if actor is None or not can_manage(actor, group):
        raise PermissionDenied("You can only manage groups you organise.")


def _check_role(role: str) -> None:
    if role not in Membership.Role.values:
        raise GroupError(f"“{role}” is not a role in a group.")
