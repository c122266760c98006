"""Setting up a selection and its panel: organisers only (a group's organisers for the group's
selections, national roles for national ones)."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.groups.models import Group
from groundswell.people.models import Person
from groundswell.selections.actions.checks import require_organiser
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.eligibility import eligible_people
from groundswell.selections.models import Selection, VotingMethod


@dataclass(frozen=True)
class SelectionSpec:
    post: str
    nominations_open: datetime
    nominations_close: datetime
    nominators_required: int
    method: str
    seats: int = 1
    description: str = ""


def create_selection(user: Any, spec: SelectionSpec, group: Group | None = None) -> Selection:
    _require_may_create(user, group)
    _check(spec)
    with transaction.atomic():
        return Selection.objects.create(
            post=spec.post.strip(), description=spec.description.strip(), group=group,
            seats=spec.seats, nominations_open=spec.nominations_open,
            nominations_close=spec.nominations_close,
            nominators_required=spec.nominators_required, method=spec.method, created_by=user,
        )  # fmt: skip


def _require_may_create(user: Any, group: Group | None) -> None:
    if sees_everyone(user):
        return
    if group is None:
        raise PermissionDenied("Only national organisers can run a selection of all members.")
    if group.pk not in set(organised_group_ids(user)):
        raise PermissionDenied("Only the group's organisers can run its selections.")


def _check(spec: SelectionSpec) -> None:
    if not spec.post.strip() or len(spec.post.strip()) > 200:
        raise SelectionError("Name the post (at most 200 characters).")
    if spec.nominations_open >= spec.nominations_close:
        raise SelectionError("Nominations must close after they open.")
    if not 0 <= spec.nominators_required <= 1000:
        raise SelectionError("Nominators required must be between 0 and 1,000.")
    if spec.method not in VotingMethod.values:
        raise SelectionError("Choose a voting method: instant runoff, STV or choose one.")
    if not 1 <= spec.seats <= 50:
        raise SelectionError("A selection fills between 1 and 50 seats.")
    if spec.seats > 1 and spec.method != VotingMethod.STV:
        raise SelectionError("Filling more than one seat needs STV.")
    if spec.seats == 1 and spec.method == VotingMethod.STV:
        raise SelectionError("For one seat use instant runoff (STV with one seat is the same).")


def add_panel_member(user: Any, selection: Selection, email: str) -> Person:
    """By email address: someone the organiser may see (a member of the group; anyone, for
    national roles). Adding someone already on the panel changes nothing."""
    require_organiser(user, selection)
    people = Person.objects.all() if sees_everyone(user) else eligible_people(selection)
    person = people.filter(emails__address=email.strip().lower()).first()
    if person is None:
        raise SelectionError("No one you can add has that email address.")
    selection.panel.add(person)
    return person


def remove_panel_member(user: Any, selection: Selection, person_id: int) -> None:
    require_organiser(user, selection)
    if not selection.panel.filter(pk=person_id).exists():
        raise SelectionError("That person is not on the panel.")
    selection.panel.remove(person_id)
