"""Which call assignments a user may run or call on, and which queued person a caller may see.

- National roles run every assignment; a group's organisers run its group's assignments.
- A caller is listed on the assignment (or runs it). A caller sees only the person they hold: there
  is no way to open another queued person, or anyone once the caller's claim is gone.
"""

from datetime import datetime
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.groups.models import Group
from groundswell.outreach.models import (
    AssignmentStatus,
    CallAssignment,
    CallAttempt,
    CallQueueEntry,
)
from groundswell.people.models import Person


def caller_person(user: Any) -> Person | None:
    """The person record a signed-in user calls as (None until they have proved their address)."""
    person_id = acting_person_id(user)
    return Person.objects.filter(pk=person_id).first() if person_id is not None else None


def assignments_managed_by(user: Any) -> QuerySet[CallAssignment]:
    assignments = CallAssignment.objects.select_related("audience", "group", "event")
    if sees_everyone(user):
        return assignments
    return assignments.filter(group_id__in=organised_group_ids(user))


def can_manage_assignment(user: Any, assignment: CallAssignment) -> bool:
    return sees_everyone(user) or (
        assignment.group_id is not None
        and organised_group_ids(user).filter(group_id=assignment.group_id).exists()
    )


def get_assignment_for_manage(user: Any, pk: int) -> CallAssignment:
    """404 for an assignment this user does not run (the same answer as for one that does not exist)."""
    return get_object_or_404(assignments_managed_by(user), pk=pk)


def groups_for_assignments(user: Any) -> QuerySet[Group]:
    """Groups an assignment may belong to, for this organiser."""
    if sees_everyone(user):
        return Group.objects.filter(is_active=True)
    return Group.objects.filter(pk__in=organised_group_ids(user), is_active=True)


def may_call(user: Any, assignment: CallAssignment) -> bool:
    person_id = acting_person_id(user)
    if person_id is None:
        return False
    listed = assignment.callers.filter(pk=person_id).exists()
    return listed or can_manage_assignment(user, assignment)


def get_assignment_for_caller(user: Any, pk: int) -> CallAssignment:
    """404 unless this user may call on it."""
    assignment = CallAssignment.objects.select_related("audience__owner").filter(pk=pk).first()
    if assignment is None or not may_call(user, assignment):
        raise Http404("No such call assignment.")
    return assignment


def calling_for(user: Any) -> list[CallAssignment]:
    """The assignments a volunteer is listed on that are calling or paused, newest first."""
    person_id = acting_person_id(user)
    if person_id is None:
        return []
    live = Q(status__in=[AssignmentStatus.ACTIVE, AssignmentStatus.PAUSED])
    return list(CallAssignment.objects.filter(live, callers=person_id).select_related("event"))


def get_entry_for_caller(
    caller: Person, assignment: CallAssignment, entry_id: int, now: datetime
) -> CallQueueEntry:
    """The queued person this caller holds right now; 404 for any other entry."""
    held = CallQueueEntry.objects.filter(
        pk=entry_id, assignment=assignment, caller=caller, claimed_until__gt=now, done=False
    )
    return get_object_or_404(held.select_related("person", "assignment"))


def entry_of_caller(caller: Person, assignment: CallAssignment, entry_id: int) -> CallQueueEntry:
    """An entry this caller holds or held (or has called before), to record or skip; 404 for
    anyone else's, so an id tells a caller nothing about a person they were never handed. The
    action decides whether it is still theirs to record."""
    called = CallAttempt.objects.filter(
        assignment=assignment, person_id=OuterRef("person_id"), caller=caller
    )
    mine = CallQueueEntry.objects.filter(
        Q(caller=caller) | Q(Exists(called)), assignment=assignment
    )
    entry = mine.select_related("person", "assignment").filter(pk=entry_id).first()
    if entry is None:
        raise Http404("No such person in this queue.")
    return entry
