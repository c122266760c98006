"""People: the movement's records of its members and supporters, and their imports and exports."""

from .imports import ExportRecord, ImportJob
from .person import (
    Channel,
    ConsentChange,
    CustomField,
    EmailAddress,
    HistoryEvent,
    MembershipStatus,
    Note,
    Person,
    PhoneNumber,
    Tag,
)

__all__ = [
    "Channel",
    "ConsentChange",
    "CustomField",
    "EmailAddress",
    "ExportRecord",
    "HistoryEvent",
    "ImportJob",
    "MembershipStatus",
    "Note",
    "Person",
    "PhoneNumber",
    "Tag",
]
