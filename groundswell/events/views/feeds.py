"""Calendar files and feeds (.ics): one shift, a person's own feed, a group's feed.

PLACEHOLDER: each view answers 404 until it is built."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def shift_ics(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def person_feed(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def group_feed(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def calendar_links(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


urlpatterns: list[URLPattern] = [
    path("<int:pk>/shifts/<int:shift_id>/event.ics", shift_ics, name="shift_ics"),
    path("calendar/<str:token>.ics", person_feed, name="person_feed"),
    path("groups/<slug:slug>/calendar.ics", group_feed, name="group_feed"),
    path("calendar/", calendar_links, name="calendar_links"),
]
