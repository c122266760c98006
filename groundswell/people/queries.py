"""Reads of person records that users trigger, always scoped to what the user may see."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.geo.queries import locate, within_km
from groundswell.groups.models import Group, Membership
from groundswell.people.keyset import Page, keyset_page
from groundswell.people.models import EmailAddress, Person


def people_visible_to(user: Any) -> QuerySet[Person]:
    """National roles see everyone; organisers see the members of the groups they organise; others nobody."""
    if sees_everyone(user):
        return Person.objects.all()
    if not user.is_authenticated:
        return Person.objects.none()
    # A subquery rather than a join: no duplicates for people in two of my groups, so no DISTINCT.
    in_my_groups = Membership.objects.filter(group_id__in=organised_group_ids(user))
    return Person.objects.filter(pk__in=in_my_groups.values("person_id"))


def get_person_for_user(user: Any, person_id: int) -> Person:
    """The person if this user may see them, else Http404 (the same answer as for an id that does not exist)."""
    qs = people_visible_to(user).select_related("constituency").defer("constituency__boundary")
    return get_object_or_404(qs, pk=person_id)


def groups_visible_to(user: Any) -> QuerySet[Group]:
    """Groups whose members this user may list: all for national roles, else the ones they organise."""
    if sees_everyone(user):
        return Group.objects.all()
    return Group.objects.filter(pk__in=organised_group_ids(user))


def filter_people(qs: QuerySet[Person], params: Mapping[str, Any]) -> QuerySet[Person]:
    """Narrow `qs` by the people list's filters. Keys (all optional): q, tag, group, status,
    constituency (model instances or ids), and either location (a geo Location) or postcode, with km."""
    if params.get("q"):
        qs = _search(qs, str(params["q"]))
    if params.get("tag"):
        qs = qs.filter(tags=params["tag"])
    if params.get("group"):
        member = Membership.objects.filter(person_id=OuterRef("pk"), group=params["group"])
        qs = qs.filter(Exists(member))
    if params.get("status"):
        qs = qs.filter(membership_status=params["status"])
    if params.get("constituency"):
        qs = qs.filter(constituency=params["constituency"])
    location = params.get("location") or (params.get("postcode") and locate(params["postcode"]))
    if location and location.lat is not None and location.lng is not None:
        qs = within_km(qs, location.lat, location.lng, float(params.get("km") or 5))
    return qs


def _search(qs: QuerySet[Person], text: str) -> QuerySet[Person]:
    # Every word must start a given name, a family name or an email address: "jo smi" finds Jo Smith.
    # A union rather than an OR, so each part is read through its own index. A NUL (typed into a
    # URL) goes: PostgreSQL refuses it in a query, and no name or address holds one.
    for word in text.replace("\x00", "").split()[:5]:
        named = Q(given_name__istartswith=word) | Q(family_name__istartswith=word)
        names = Person.objects.filter(named).order_by().values("pk")
        emails = EmailAddress.objects.filter(address__startswith=word.lower()).order_by()
        qs = qs.filter(pk__in=names.union(emails.values("person_id")))
    return qs


def with_list_columns(qs: QuerySet[Person]) -> QuerySet[Person]:
    """What a row of the people list or export shows, fetched in a fixed number of queries."""
    primary = EmailAddress.objects.filter(primary=True)
    return (
        qs.select_related("constituency")
        .only(*LIST_FIELDS, "constituency__name", "constituency__code")
        .prefetch_related("tags", Prefetch("emails", queryset=primary, to_attr="primary_emails"))
    )


LIST_FIELDS = (
    "id",
    "given_name",
    "family_name",
    "postal_code",
    "membership_status",
    "constituency",
)


COUNT_CAP = 10_000
FEW = 5_000


@dataclass
class Listing:
    """One page of the people list, with how many people match (counted up to COUNT_CAP)."""

    page: Page
    count: int
    more_than_count: bool


def list_people(
    user: Any,
    params: Mapping[str, Any],
    *,
    size: int = 50,
    after: str | None = None,
    before: str | None = None,
) -> Listing:
    """A page of the people this user may see, filtered, in name order: a fixed number of queries
    whatever the page size, and no OFFSET, so page 1,000 costs what page 1 does."""
    qs = filter_people(people_visible_to(user), params)
    # One query both counts (up to the cap) and, for a small result, names everyone in it.
    ids = list(qs.order_by().values_list("pk", flat=True)[: COUNT_CAP + 1])
    if not ids:
        return Listing(Page([], None, None), 0, False)
    if len(ids) <= FEW:
        # Page through a few thousand people by id: otherwise the database may walk the whole
        # name index looking for them one by one (a rare tag over a million people).
        qs = Person.objects.filter(pk__in=ids)
    page = keyset_page(with_list_columns(qs), size, after, before)
    return Listing(page, min(len(ids), COUNT_CAP), len(ids) > COUNT_CAP)
