"""The hustings: an event created through the events app's own action, hosted by the selection's
group (members only), and linked from the selection page."""

from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.events.actions.creating import EventError, create_event
from groundswell.events.models import Event, EventKind, Visibility
from groundswell.selections.actions.checks import require_organiser
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.models import Selection


def create_hustings(
    user: Any,
    selection: Selection,
    when: tuple[datetime, datetime, int],
    *,
    postal_code: str = "",
    online_url: str = "",
    venue: str = "",
) -> Event:
    """`when` is (start, end, capacity). A selection has one hustings: a new one replaces the link."""
    require_organiser(user, selection)
    visibility = Visibility.MEMBERS if selection.group is None else Visibility.GROUP
    with transaction.atomic():
        try:
            event = create_event(
                user, title=f"Hustings: {selection.post}"[:200], kind=EventKind.AGM,
                shifts=[when], host_group=selection.group, visibility=visibility,
                postal_code=postal_code, online_url=online_url, venue=venue[:200],
                description=f"Meet the candidates for {selection.post} and put your questions.",
            )  # fmt: skip
        except EventError as exc:
            raise SelectionError(str(exc)) from None
        selection.hustings = event
        selection.save(update_fields=["hustings"])
    return event
