"""Reads of primaries, scoped to who is asking: eligible members and organisers see a primary;
hidden proposals only their authors and organisers; supporters are never listed, only counted."""

from typing import Any

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from groundswell.core.access import acting_person_id, sees_everyone
from groundswell.groups.models import Membership
from groundswell.people.models import Person
from groundswell.primary.eligibility import organises
from groundswell.primary.models import Composite, Primary, Proposal, Support


def primaries_visible_to(user: Any) -> QuerySet[Primary]:
    """National roles: all. Members: national primaries and their groups' primaries."""
    if sees_everyone(user):
        return Primary.objects.all()
    person_id = acting_person_id(user)
    if person_id is None:
        return Primary.objects.none()
    groups = Membership.objects.filter(person_id=person_id).values("group_id")
    visible = Q(group_id__in=groups)
    if Person.objects.filter(pk=person_id, membership_status="member").exists():
        visible |= Q(group__isnull=True)
    return Primary.objects.filter(visible)


def get_primary_for_user(user: Any, pk: int) -> Primary:
    return get_object_or_404(primaries_visible_to(user).select_related("group", "ballot"), pk=pk)


def get_primary_for_organiser(user: Any, pk: int) -> Primary:
    primary = get_object_or_404(Primary.objects.select_related("group", "ballot"), pk=pk)
    if not organises(user, primary):
        raise Http404("No such primary.")
    return primary


def with_counts(proposals: QuerySet[Proposal], person_id: int | None) -> QuerySet[Proposal]:
    """Support counts, and whether the asking member supports each: never who else does."""
    mine = Support.objects.filter(proposal=OuterRef("pk"), person_id=person_id or 0)
    authored = Q(author_id=person_id or 0) | Q(co_author_id=person_id or 0)
    return proposals.select_related("author", "co_author").annotate(
        support_count=Count("supports", distinct=True),
        supported=Exists(mine),
        authored_by_me=ExpressionWrapper(authored, output_field=BooleanField()),
    )


def open_proposals(primary: Primary, person_id: int | None) -> QuerySet[Proposal]:
    """What every eligible member sees: the open proposals, by category."""
    shown = primary.proposals.filter(status=Proposal.Status.OPEN)
    return with_counts(shown, person_id).order_by("category", "-support_count", "pk")


def my_proposals(primary: Primary, person_id: int | None) -> QuerySet[Proposal]:
    """The member's own proposals in every state, hidden ones with the reason."""
    mine = primary.proposals.filter(Q(author_id=person_id) | Q(co_author_id=person_id))
    return with_counts(mine, person_id).order_by("pk") if person_id else mine.none()


def get_proposal_for_user(user: Any, pk: int) -> Proposal:
    """A hidden proposal exists only for its authors and the organisers."""
    proposal = get_object_or_404(
        with_counts(Proposal.objects.select_related("primary", "composited_into"),
                    acting_person_id(user)), pk=pk,
    )  # fmt: skip
    primary = get_primary_for_user(user, proposal.primary_id)
    hidden = proposal.status == Proposal.Status.HIDDEN
    if hidden and not (proposal.authored_by(acting_person_id(user)) or organises(user, primary)):
        raise Http404("No such proposal.")
    return proposal


def composites_awaiting(user: Any, proposal: Proposal) -> QuerySet[Composite]:
    """Pending compositing offers on this proposal, for its authors to answer."""
    if not proposal.authored_by(acting_person_id(user)):
        return Composite.objects.none()
    on_it = Q(first=proposal) | Q(second=proposal)
    pending = Composite.objects.filter(on_it, status=Composite.Status.PENDING)
    return pending.select_related("first", "second")


def get_composite_for_author(user: Any, pk: int) -> Composite:
    person_id = acting_person_id(user) or 0
    mine = Q(first__author_id=person_id) | Q(first__co_author_id=person_id)
    mine |= Q(second__author_id=person_id) | Q(second__co_author_id=person_id)
    return get_object_or_404(Composite.objects.filter(mine), pk=pk)
