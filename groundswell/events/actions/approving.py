"""Organisers approving or turning down the events members propose."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from groundswell.core.access import sees_everyone
from groundswell.events import notify
from groundswell.events.actions.creating import EventError
from groundswell.events.models import Approval, Event
from groundswell.groups.queries import can_manage
from groundswell.people.actions import add_history


def approve_event(actor: Any, event: Event) -> Event:
    """An organiser of the hosting group (or a national organiser) accepts a member's proposal:
    sign-ups open and the shifts' reminders are scheduled."""
    return _decide(actor, event, Approval.APPROVED, "approved")


def reject_event(actor: Any, event: Event) -> Event:
    return _decide(actor, event, Approval.REJECTED, "turned down")


def _decide(actor: Any, event: Event, approval: str, verb: str) -> Event:
    host = event.host_group
    if not (sees_everyone(actor) or (host is not None and can_manage(actor, host))):
        raise PermissionDenied("Only an organiser of the hosting group can decide on this event.")
    with transaction.atomic():
        # Locked and re-read, so two organisers deciding at once cannot both act.
        current = Event.objects.select_for_update().get(pk=event.pk)
        if current.approval != Approval.AWAITING:
            raise EventError(
                f"{current.title} has already been {current.get_approval_display().lower()}."
            )
        event.approval = approval
        event.save(update_fields=["approval", "modified_at"])
        if event.proposed_by is not None:
            summary = f"The event {event.title} was {verb}"
            add_history(event.proposed_by, f"event_{approval}", summary, actor, event_id=event.pk)
        notify.proposal_decided(event)
        if approval == Approval.APPROVED:
            notify.shifts_scheduled(list(event.shifts.all()))
    return event
