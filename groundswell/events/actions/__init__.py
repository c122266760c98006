"""Every write to events: creating and approving them, and signing people up to their shifts."""

from groundswell.events.actions.creating import (
    EventError,
    ShiftSpec,
    approve_event,
    create_event,
    reject_event,
)
from groundswell.events.actions.rsvp import RsvpRefused, cancel_rsvp, rsvp_to_shift

__all__ = [
    "EventError",
    "RsvpRefused",
    "ShiftSpec",
    "approve_event",
    "cancel_rsvp",
    "create_event",
    "reject_event",
    "rsvp_to_shift",
]
