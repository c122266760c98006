"""Which events a user may see, and which they may manage.

- Anyone: public, approved events (cancelled ones too, so a link in an email still explains itself).
- Signed-in movement members (acting person with membership status "member"), organisers and national
  roles: also events shown to members.
- Members of the hosting group: also that group's group-only events.
- An event awaiting approval or rejected: only its proposer, organisers of the hosting group and
  national roles.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from groundswell.core.access import acting_person_id, organised_group_ids, sees_everyone
from groundswell.events.models import Approval, Event, Visibility
from groundswell.groups.models import Membership
from groundswell.people.models import Person


def visible_events(user: Any) -> QuerySet[Event]:
    """Every event this user may see (any approval state they are entitled to)."""
    events = Event.objects.all()
    if sees_everyone(user):
        return events
    approved = Q(approval=Approval.APPROVED)
    shown = Q(visibility=Visibility.PUBLIC)
    person_id = acting_person_id(user)
    if person_id is not None:
        organised = organised_group_ids(user)
        if organised.exists() or _is_member(person_id):
            shown |= Q(visibility=Visibility.MEMBERS)
        my_groups = Membership.objects.filter(person_id=person_id).values("group_id")
        shown |= Q(visibility=Visibility.GROUP, host_group_id__in=my_groups)
        mine = Q(proposed_by_id=person_id) | Q(host_group_id__in=organised)
        return events.filter((approved & shown) | mine)
    return events.filter(approved & shown)


def _is_member(person_id: int) -> bool:
    return Person.objects.filter(pk=person_id, membership_status="member").exists()


def get_visible_event(user: Any, pk: int) -> Event:
    """The event, or 404 when it does not exist or this user may not see it (the same answer)."""
    event = visible_events(user).select_related("host_group", "constituency").filter(pk=pk).first()
    if event is None:
        raise Http404("No such event.")
    return event


def can_manage_event(user: Any, event: Event) -> bool:
    """National roles, and organisers of the hosting group, edit, approve, check in and follow up."""
    if sees_everyone(user):
        return True
    return event.host_group_id is not None and (
        organised_group_ids(user).filter(group_id=event.host_group_id).exists()
    )


def get_event_for_manage(user: Any, pk: int) -> Event:
    """The event for an organiser's page: 404 if unseen, 403 if seen but not theirs to manage."""
    event = get_visible_event(user, pk)
    if not can_manage_event(user, event):
        raise PermissionDenied("Only the event's organisers can do this.")
    return event
