"""Delivery statuses: a provider's many status words reduced to five, and their order.

The order lets a caller ignore a status callback that arrives late or is replayed: a message already
"delivered" must not go back to "sent" because an old callback turned up again.
"""

from typing import Literal

Status = Literal["queued", "sent", "delivered", "undelivered", "failed"]

# Twilio's MessageStatus values (https://www.twilio.com/docs/messaging/api/message-resource).
_TWILIO_STATUSES: dict[str, Status] = {
    "accepted": "queued",
    "scheduled": "queued",
    "queued": "queued",
    "sending": "sent",
    "sent": "sent",
    "delivered": "delivered",
    "read": "delivered",
    "undelivered": "undelivered",
    "partially_delivered": "undelivered",
    "failed": "failed",
    "canceled": "failed",
}

_RANK: dict[Status, int] = {"queued": 0, "sent": 1, "delivered": 2, "undelivered": 2, "failed": 2}

FINAL_STATUSES: frozenset[Status] = frozenset({"delivered", "undelivered", "failed"})


def normalise_status(raw: str) -> Status:
    """One of queued/sent/delivered/undelivered/failed, or ValueError for a word we do not know."""
    try:
        return _TWILIO_STATUSES[raw.strip().lower()]
    except KeyError:
        raise ValueError(f"Unknown message status “{raw[:40]}”.") from None


def supersedes(current: Status | None, new: Status) -> bool:
    """Whether a callback saying `new` should replace the stored `current` status.

    Only forward moves count; a final status is never replaced, so replayed or out-of-order
    callbacks cannot undo a delivery report.
    """
    if current is None:
        return True
    return _RANK[new] > _RANK[current]
