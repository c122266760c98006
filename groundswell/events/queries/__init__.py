"""Reads of events. Split by page so each part stays small; import from the submodule you need.

- `visibility`: which events a user may see and which they may manage (every other read builds on it)
- `listing`: public, approved, upcoming events near a place
"""

from groundswell.events.queries.listing import NearbyEvent, listable_events, upcoming_events_near
from groundswell.events.queries.visibility import (
    can_manage_event,
    get_event_for_manage,
    get_visible_event,
    visible_events,
)

__all__ = [
    "NearbyEvent",
    "can_manage_event",
    "get_event_for_manage",
    "get_visible_event",
    "listable_events",
    "upcoming_events_near",
    "visible_events",
]
