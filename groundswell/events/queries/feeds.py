"""Reads for calendar files and feeds: one shift to download, a person's own feed, a group's feed,
and the feed links a signed-in person may subscribe to."""

from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import quote

from django.conf import settings
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone

from groundswell.core.access import acting_person_id
from groundswell.events.models import Approval, Attendance, AttendanceStatus, Shift, Visibility
from groundswell.events.queries.visibility import get_visible_event
from groundswell.events.tokens import make_token, read_token
from groundswell.groups.models import Group
from groundswell.groups.queries import get_public_group
from groundswell.people.models import Person

RECENT = timedelta(days=60)  # feeds keep past shifts this long, so a calendar's history stays
FEED_LIMIT = 500


def _shifts() -> QuerySet[Shift]:
    return Shift.objects.select_related("event__host_group").order_by("start", "pk")


def shift_for_download(user: Any, pk: int, shift_id: int) -> tuple[Shift, Attendance | None]:
    """A shift of an event the user may see (404 otherwise), and the user's own accepted place on
    it if they have one (that file may then carry the instructions and the online link)."""
    event = get_visible_event(user, pk)
    shift = _shifts().filter(event=event, pk=shift_id).first()
    if shift is None:
        raise Http404("No such shift.")
    person_id = acting_person_id(user)
    place = None
    if person_id is not None:
        place = Attendance.objects.filter(
            shift=shift, person_id=person_id, status=AttendanceStatus.ACCEPTED
        ).first()
    return shift, place


def person_feed_shifts(token: str) -> tuple[Person, list[Shift]]:
    """The accepted places of the person the token was made for, upcoming and of the last 60 days.
    404 for a forged or mangled token, or a person who no longer exists."""
    person_id = read_token("person-feed", token)
    person = Person.objects.filter(pk=person_id).first() if person_id is not None else None
    if person is None:
        raise Http404("No such calendar.")
    shifts = _shifts().filter(
        attendances__person=person,
        attendances__status=AttendanceStatus.ACCEPTED,
        event__approval=Approval.APPROVED,
        end__gte=timezone.now() - RECENT,
    )
    return person, list(shifts[:FEED_LIMIT])


def group_feed_shifts(slug: str) -> tuple[Group, list[Shift]]:
    """The group's public, approved events (cancelled ones too, marked so, so that subscribers'
    calendars drop them), upcoming and of the last 60 days."""
    group = get_public_group(slug)
    shifts = _shifts().filter(
        event__host_group=group,
        event__visibility=Visibility.PUBLIC,
        event__approval=Approval.APPROVED,
        end__gte=timezone.now() - RECENT,
    )
    return group, list(shifts[:FEED_LIMIT])


@dataclass(frozen=True)
class FeedLink:
    name: str
    https: str
    webcal: str
    google: str


def feed_link(name: str, path: str) -> FeedLink:
    https = settings.SITE_URL.rstrip("/") + path
    webcal = "webcal://" + https.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/r?cid=" + quote(webcal, safe="")
    return FeedLink(name, https, webcal, google)


def calendar_links_for(user: Any) -> tuple[FeedLink | None, list[FeedLink]]:
    """The signed-in person's own feed (None until their account acts as a person), and the feed
    of each active group they belong to."""
    person_id = acting_person_id(user)
    if person_id is None:
        return None, []
    own = feed_link(
        "My events", reverse("events:person_feed", args=[make_token("person-feed", person_id)])
    )
    groups = Group.objects.filter(memberships__person_id=person_id, is_active=True).order_by("name")
    return own, [
        feed_link(group.name, reverse("events:group_feed", args=[group.slug])) for group in groups
    ]
