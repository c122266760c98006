"""Calendar files and feeds (.ics): one shift, a person's own feed, a group's feed, and the page
that shows a signed-in person the feeds they can subscribe to."""

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.http import require_safe

from groundswell.events.calendar import feed_calendar, shift_calendar
from groundswell.events.queries.feeds import (
    calendar_links_for,
    group_feed_shifts,
    person_feed_shifts,
    shift_for_download,
)

CONTENT_TYPE = "text/calendar; charset=utf-8"


def _ics(body: bytes, filename: str, *, cache: str, download: bool = False) -> HttpResponse:
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    disposition = "attachment" if download else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    response["Cache-Control"] = cache
    return response


@require_safe
def shift_ics(request: HttpRequest, pk: int, shift_id: int) -> HttpResponse:
    shift, place = shift_for_download(request.user, pk, shift_id)
    body = shift_calendar(shift, attendance=place)
    return _ics(body, f"event-{pk}-{shift_id}.ics", cache="private, no-cache", download=True)


@require_safe
def person_feed(request: HttpRequest, token: str) -> HttpResponse:
    _person, shifts = person_feed_shifts(token)
    # Everything here is a shift the person has a place on, so it may carry the instructions.
    body = feed_calendar(shifts, f"My {settings.SITE_NAME} events", private=True)
    return _ics(body, "my-events.ics", cache="private, max-age=300")


@require_safe
def group_feed(request: HttpRequest, slug: str) -> HttpResponse:
    group, shifts = group_feed_shifts(slug)
    body = feed_calendar(shifts, group.name)
    return _ics(body, f"{group.slug}.ics", cache="public, max-age=300")


@login_required
@require_safe
def calendar_links(request: HttpRequest) -> HttpResponse:
    own, groups = calendar_links_for(request.user)
    return render(request, "events/feeds/calendar_links.html", {"own": own, "groups": groups})


urlpatterns: list[URLPattern] = [
    path("<int:pk>/shifts/<int:shift_id>/event.ics", shift_ics, name="shift_ics"),
    path("calendar/<str:token>.ics", person_feed, name="person_feed"),
    path("groups/<slug:slug>/calendar.ics", group_feed, name="group_feed"),
    path("calendar/", calendar_links, name="calendar_links"),
]
