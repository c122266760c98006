"""The organiser's check-in list, QR scans, and follow-up emails after the event.

PLACEHOLDER: each view answers 404 until it is built."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def checkin(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def checkin_toggle(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def walk_in(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def scan(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def follow_up(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


urlpatterns: list[URLPattern] = [
    path("<int:pk>/check-in/", checkin, name="checkin"),
    path("<int:pk>/check-in/<int:attendance_id>/", checkin_toggle, name="checkin_toggle"),
    path("<int:pk>/check-in/walk-in/", walk_in, name="walk_in"),
    path("scan/<str:token>/", scan, name="scan"),
    path("<int:pk>/follow-up/", follow_up, name="follow_up"),
]
