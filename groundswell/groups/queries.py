"""Reads of groups that users trigger, each deciding what the asking user may see: finding groups
near a place, browsing, the public page, the members' page and the organiser's member list."""

from dataclasses import dataclass
from typing import Any, NamedTuple

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.geo.distance import distance_km
from groundswell.geo.queries import Location, nearest
from groundswell.groups.models import Group, Membership
from groundswell.people.models import EmailAddress, Person
from groundswell.people.queries import filter_people, people_visible_to


class NearbyGroups(NamedTuple):
    """Groups for a place. Each group carries `distance_km` (None where it has no position)
    and `member_count`."""

    covering: list[Group]
    nearest_others: list[Group]


def groups_near(location: Location, limit: int = 5) -> NearbyGroups:
    """Active groups whose area covers the location (nearest first), then the `limit` nearest others."""
    covering = [_placed(g, _km_from(location, g)) for g in _covering(location)]
    covering.sort(key=lambda g: (g.distance_km is None, g.distance_km or 0.0, g.name))
    others: list[Group] = []
    if location.lat is not None and location.lng is not None:
        candidates = Group.objects.filter(is_active=True, lat__isnull=False, lng__isnull=False)
        candidates = candidates.exclude(pk__in=[g.pk for g in covering])
        found = nearest(candidates, location.lat, location.lng, limit)
        others = [_placed(group, km) for group, km in found]
    _attach_member_counts(covering + others)
    return NearbyGroups(covering, others)


def _placed(group: Group, km: float | None) -> Any:
    group.distance_km = km  # type: ignore[attr-defined]
    return group


def _covering(location: Location) -> QuerySet[Group]:
    # Subqueries rather than joins, so a group covering both the district and the seat appears once.
    area = Q(pk__in=[])
    if location.district:
        through = Group.districts.through.objects.filter(postcodedistrict__code=location.district)
        area |= Q(pk__in=through.values("group_id"))
    if location.constituency_id is not None:
        seats = Group.constituencies.through.objects.filter(
            constituency_id=location.constituency_id
        )
        area |= Q(pk__in=seats.values("group_id"))
    return Group.objects.filter(area, is_active=True)


def _km_from(location: Location, group: Group) -> float | None:
    if None in (location.lat, location.lng, group.lat, group.lng):
        return None
    return distance_km(location.lat, location.lng, group.lat, group.lng)  # type: ignore[arg-type]


def _attach_member_counts(groups: list[Group]) -> None:
    counts = dict(
        Membership.objects.filter(group__in=[g.pk for g in groups])
        .order_by()
        .values_list("group")
        .annotate(n=Count("pk"))
        .values_list("group", "n")
    )
    for group in groups:
        group.member_count = counts.get(group.pk, 0)  # type: ignore[attr-defined]


def search_groups(q: str = "", kind: str = "") -> QuerySet[Group]:
    """Active groups by name and kind, for browsing: public information only."""
    groups = Group.objects.filter(is_active=True)
    if q:
        groups = groups.filter(name__icontains=q)
    if kind:
        groups = groups.filter(kind=kind)
    return groups.annotate(member_count=Count("memberships")).order_by("name", "pk")


def kind_counts() -> dict[str, int]:
    """How many active groups there are of each kind."""
    rows = (
        Group.objects.filter(is_active=True).order_by().values_list("kind").annotate(n=Count("pk"))
    )
    return dict(rows.values_list("kind", "n"))


def can_manage(user: Any, group: Group) -> bool:
    """Organisers of this group and national roles may manage it."""
    return sees_everyone(user) or organised_group_ids(user).filter(group_id=group.pk).exists()


def membership_of(user: Any, group: Group) -> Membership | None:
    person_id = acting_person_id(user)
    if person_id is None:
        return None
    return Membership.objects.filter(group=group, person_id=person_id).first()


@dataclass
class GroupPage:
    """What the public page of a group shows, and what the viewer may do there."""

    group: Group
    member_count: int
    organiser_names: list[str]
    constituencies: list[str]
    districts: list[str]
    membership: Membership | None = None
    manager: bool = False


def get_group_page(user: Any, slug: str) -> GroupPage:
    """The public page of an active group: facts anyone may see, organisers by first name only."""
    group = get_object_or_404(Group, slug=slug, is_active=True)
    organisers = group.memberships.filter(role=Membership.Role.ORGANISER)
    return GroupPage(
        group=group,
        member_count=group.memberships.count(),
        organiser_names=[n for n in organisers.values_list("person__given_name", flat=True) if n],
        constituencies=list(group.constituencies.values_list("name", flat=True)),
        districts=list(group.districts.values_list("code", flat=True)),
        membership=membership_of(user, group),
        manager=user.is_authenticated and can_manage(user, group),
    )


def get_public_group(slug: str) -> Group:
    return get_object_or_404(Group, slug=slug, is_active=True)


def get_group_for_member_page(user: Any, slug: str) -> Group:
    """The group, if the user belongs to it or may manage it; 403 for anyone else."""
    group = get_public_group(slug)
    if membership_of(user, group) is None and not can_manage(user, group):
        raise PermissionDenied(f"Only members of {group.name} can see this page.")
    return group


def organiser_contacts(group: Group) -> list[Person]:
    """The organisers members may contact, each with `primary_emails` (a list of addresses)."""
    primary = EmailAddress.objects.filter(primary=True)
    return list(
        Person.objects.filter(
            memberships__group=group, memberships__role=Membership.Role.ORGANISER
        ).prefetch_related(Prefetch("emails", queryset=primary, to_attr="primary_emails"))
    )


def manageable_groups(user: Any) -> QuerySet[Group]:
    if sees_everyone(user):
        return Group.objects.all()
    return Group.objects.filter(pk__in=organised_group_ids(user))


def get_group_for_manage(user: Any, slug: str) -> Group:
    """A group the user organises (or any, for national roles); 404 otherwise."""
    return get_object_or_404(manageable_groups(user), slug=slug)


def group_members_visible_to(user: Any, group: Group) -> QuerySet[Membership]:
    """The group's members with names and primary email: organisers of the group and national
    roles only. Organisers first, then by name."""
    if not can_manage(user, group):
        raise PermissionDenied("Only the group's organisers can see its members.")
    primary = EmailAddress.objects.filter(primary=True)
    return (
        group.memberships.select_related("person")
        .prefetch_related(Prefetch("person__emails", queryset=primary, to_attr="primary_emails"))
        # "organiser" sorts after "member", so descending puts organisers first.
        .order_by("-role", "person__family_name", "person__given_name", "person_id")
    )


def filter_members(memberships: QuerySet[Membership], q: str) -> QuerySet[Membership]:
    q = q.replace("\x00", "")  # PostgreSQL refuses a NUL in a query: it could match nothing anyway
    if not q:
        return memberships
    return memberships.filter(
        Q(person__given_name__icontains=q)
        | Q(person__family_name__icontains=q)
        | Q(person__emails__address__icontains=q)
    ).distinct()


def get_membership_for_manage(user: Any, group: Group, person_id: int) -> Membership:
    """One membership of a group the user may manage (404 if the person is not in it)."""
    return get_object_or_404(group_members_visible_to(user, group), person_id=person_id)


def people_addable_to(user: Any, group: Group, q: str, limit: int = 10) -> list[Person]:
    """People the user may already see who are not in the group, matching a name or email."""
    if not q.strip() or not can_manage(user, group):
        return []
    people = filter_people(people_visible_to(user), {"q": q}).exclude(memberships__group=group)
    primary = EmailAddress.objects.filter(primary=True)
    people = people.prefetch_related(Prefetch("emails", queryset=primary, to_attr="primary_emails"))
    return list(people[:limit])


def get_addable_person(user: Any, group: Group, person_id: int) -> Person:
    """A person the user may see, to add to the group (404 outside what they can see)."""
    if not can_manage(user, group):
        raise PermissionDenied("Only the group's organisers can add members.")
    return get_object_or_404(people_visible_to(user), pk=person_id)


def addable_person_with_email(user: Any, group: Group, address: str) -> Person | None:
    """The person with this address, only if the user may already see them. Anyone else is
    None, just like an address not on record: otherwise an organiser could learn who is on the
    movement's lists, and adding them would open their whole record (as an import would not)."""
    if not can_manage(user, group):
        raise PermissionDenied("Only the group's organisers can add members.")
    visible = EmailAddress.objects.filter(address=address, person__in=people_visible_to(user))
    match = visible.select_related("person").first()
    return match.person if match else None
