"""Every write to events: creating, approving, editing and cancelling them, and signing people up
to their shifts (signed in, or as a guest from the event page)."""

from groundswell.events.actions.approving import approve_event, reject_event
from groundswell.events.actions.creating import EventError, ShiftSpec, create_event
from groundswell.events.actions.editing import ShiftEdit, cancel_event, update_event
from groundswell.events.actions.guests import Guest, rsvp_as_guest
from groundswell.events.actions.rsvp import (
    RsvpRefused,
    cancel_rsvp,
    fill_from_waitlist,
    rsvp_to_shift,
)

__all__ = [
    "EventError",
    "Guest",
    "RsvpRefused",
    "ShiftEdit",
    "ShiftSpec",
    "approve_event",
    "cancel_event",
    "cancel_rsvp",
    "create_event",
    "fill_from_waitlist",
    "reject_event",
    "rsvp_as_guest",
    "rsvp_to_shift",
    "update_event",
]
