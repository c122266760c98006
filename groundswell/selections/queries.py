"""Reads of selections that users trigger, scoped to who is asking: members see their group's (and
national) selections; who nominated whom is shown to the candidate, the panel and organisers only."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from groundswell.core.access import acting_person_id, sees_everyone
from groundswell.groups.models import Membership
from groundswell.people.models import Person
from groundswell.selections.eligibility import on_panel, organises
from groundswell.selections.models import Nomination, Selection


def selections_visible_to(user: Any) -> QuerySet[Selection]:
    """National roles: all. Others: national selections, their groups' and those they sit on the
    panel of (organisers are members of their groups, so they see theirs)."""
    if sees_everyone(user):
        return Selection.objects.all()
    person_id = acting_person_id(user)
    if person_id is None:
        return Selection.objects.none()
    groups = Membership.objects.filter(person_id=person_id).values("group_id")
    return Selection.objects.filter(
        Q(group__isnull=True) | Q(group_id__in=groups) | Q(panel=person_id)
    ).distinct()


def get_selection_for_user(user: Any, pk: int) -> Selection:
    return get_object_or_404(selections_visible_to(user).select_related("group", "hustings"), pk=pk)


def get_selection_for_organiser(user: Any, pk: int) -> Selection:
    selection = get_selection_for_user(user, pk)
    if not organises(user, selection):
        raise PermissionDenied("Only the selection's organisers can see this page.")
    return selection


def get_selection_for_panel(user: Any, pk: int) -> Selection:
    selection = get_selection_for_user(user, pk)
    if not (on_panel(user, selection) or organises(user, selection)):
        raise PermissionDenied("Only the selection panel and organisers can see this page.")
    return selection


def get_nomination_for_user(user: Any, pk: int) -> Nomination:
    """A nomination in a selection the user can see; a withdrawn one only for those who may see
    its nominators."""
    visible = selections_visible_to(user)
    nomination = get_object_or_404(
        Nomination.objects.select_related("selection", "candidate"), pk=pk, selection__in=visible
    )
    if nomination.withdrawn_at is not None and not sees_nominators(user, nomination):
        raise PermissionDenied("This candidate has withdrawn.")
    return nomination


def sees_nominators(user: Any, nomination: Nomination) -> bool:
    """The candidate, the panel and the organisers; never other members."""
    if acting_person_id(user) == nomination.candidate_id:
        return True
    return on_panel(user, nomination.selection) or organises(user, nomination.selection)


def nominators_of(nomination: Nomination) -> QuerySet[Person]:
    """Call only after sees_nominators."""
    return Person.objects.filter(selection_nominators__nomination=nomination).order_by(
        "family_name", "given_name"
    )


def my_nomination(user: Any, selection: Selection) -> Nomination | None:
    person_id = acting_person_id(user)
    if person_id is None:
        return None
    return selection.nominations.filter(candidate_id=person_id).first()


def my_nominated_ids(user: Any, selection: Selection) -> set[int]:
    """The nominations this user has nominated (their own choices, so theirs to see)."""
    person_id = acting_person_id(user)
    if person_id is None:
        return set()
    rows = Nomination.objects.filter(selection=selection, nominators__person_id=person_id)
    return set(rows.values_list("pk", flat=True))
