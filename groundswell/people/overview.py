"""The figures on the organiser home: my groups with their members and recent joins, and for the
national team the movement's totals. Each is one cheap query (the national totals are cached)."""

from datetime import timedelta
from typing import Any

from django.core.cache import cache
from django.db.models import Count, Q
from django.utils import timezone

from groundswell.core.access import organised_group_ids
from groundswell.groups.models import Group, Membership
from groundswell.people.models import MembershipStatus, Person

RECENT_DAYS = 30
NATIONAL_CACHE_SECONDS = 300


def my_groups(user: Any) -> list[Group]:
    """The groups this user organises, each with `member_count` and `recent_joins` (last 30 days)."""
    since = timezone.now() - timedelta(days=RECENT_DAYS)
    recent = Q(memberships__joined_at__gte=since)
    return list(
        Group.objects.filter(pk__in=organised_group_ids(user))
        .only("id", "name", "slug", "kind")
        .annotate(
            member_count=Count("memberships"), recent_joins=Count("memberships", filter=recent)
        )
        .order_by("name")
    )


def latest_joins(user: Any, limit: int = 8) -> list[Membership]:
    """Who joined the groups this user organises most recently."""
    return list(
        Membership.objects.filter(group_id__in=organised_group_ids(user))
        .select_related("group", "person")
        .only(
            "joined_at",
            "role",
            "group__name",
            "group__slug",
            "person__given_name",
            "person__family_name",
        )
        .order_by("-joined_at")[:limit]
    )


def national_figures() -> dict[str, int]:
    """People, members, and people added since the start of this month, movement-wide."""
    figures: dict[str, int] | None = cache.get("people:national_figures")
    if figures is None:
        month_start = timezone.localtime().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
        figures = Person.objects.aggregate(
            people=Count("id"),
            members=Count("id", filter=Q(membership_status=MembershipStatus.MEMBER)),
            new_this_month=Count("id", filter=Q(created_at__gte=month_start)),
        )
        cache.set("people:national_figures", figures, NATIONAL_CACHE_SECONDS)
    return figures
