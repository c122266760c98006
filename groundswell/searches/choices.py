"""The options the rule editor offers, each list limited to what the user may use and capped, so
the page costs a fixed handful of queries."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.events.models import EventKind, Shift
from groundswell.events.queries import visible_events
from groundswell.geo.models import Constituency
from groundswell.people.models import Channel, CustomField, MembershipStatus, Tag
from groundswell.people.queries import groups_visible_to
from groundswell.searches.leaf_params import LABELS
from groundswell.searches.usable import questions_usable_by, searches_usable_by

CAP = 300
Choices = list[tuple[str, str]]


@dataclass
class EditorChoices:
    filters: Choices = field(default_factory=lambda: [(k, v) for k, v in LABELS.items()])
    statuses: Choices = field(default_factory=lambda: list(MembershipStatus.choices))
    channels: Choices = field(default_factory=lambda: list(Channel.choices))
    kinds: Choices = field(default_factory=lambda: list(EventKind.choices))
    event_statuses: Choices = field(
        default_factory=lambda: [("signed_up", "Signed up for"), ("attended", "Attended")]
    )
    distances: Choices = field(
        default_factory=lambda: [(str(km), f"{km} km") for km in (1, 2, 5, 10, 25, 50)]
    )
    tags: Choices = field(default_factory=list)
    groups: Choices = field(default_factory=list)
    constituencies: Choices = field(default_factory=list)
    questions: Choices = field(default_factory=list)
    events: Choices = field(default_factory=list)
    searches: Choices = field(default_factory=list)
    custom_fields: Choices = field(default_factory=list)


def _pairs(rows: Iterable[tuple[Any, Any]]) -> Choices:
    return [(str(value), str(label)) for value, label in rows]


def editor_choices(user: Any, *, editing: int | None = None) -> EditorChoices:
    """Everything the editor's selects list for `user`; `editing` (the search being edited) is left
    out of the saved searches it may use."""
    searches = searches_usable_by(user).exclude(pk=editing) if editing else searches_usable_by(user)
    return EditorChoices(
        tags=_pairs(Tag.objects.values_list("pk", "name")[:CAP]),
        groups=_pairs(groups_visible_to(user).values_list("pk", "name")[:CAP]),
        constituencies=_pairs(Constituency.objects.order_by("name").values_list("pk", "name")),
        questions=[(str(pk), text[:90]) for pk, text in _questions(user)],
        events=_events(user),
        searches=_pairs(searches.values_list("pk", "name")[:CAP]),
        custom_fields=_pairs(CustomField.objects.values_list("key", "label")),
    )


def _questions(user: Any) -> list[tuple[int, str]]:
    return list(questions_usable_by(user).order_by("-pk").values_list("pk", "text")[:CAP])


def _events(user: Any) -> Choices:
    """Recent and coming events: for organisers those their groups host, for national roles all."""
    since = timezone.now() - timedelta(days=365)
    recent = Shift.objects.filter(event=OuterRef("pk"), start__gte=since)
    events = visible_events(user).filter(Exists(recent))
    if not sees_everyone(user):
        events = events.filter(Q(host_group_id__in=organised_group_ids(user)))
    return _pairs(events.order_by("-created_at").values_list("pk", "title")[:CAP])
