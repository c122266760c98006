"""Event pages: the event itself, signing up, cancelling a place, creating, editing, cancelling and approving events.

PLACEHOLDER: each view answers 404 until it is built."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def detail(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def rsvp(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def cancel_place(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def create(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def edit(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def cancel_event(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def approvals(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def decide(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def mine(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


urlpatterns: list[URLPattern] = [
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/shifts/<int:shift_id>/rsvp/", rsvp, name="rsvp"),
    path("places/<str:token>/cancel/", cancel_place, name="cancel_place"),
    path("new/", create, name="create"),
    path("<int:pk>/edit/", edit, name="edit"),
    path("<int:pk>/cancel/", cancel_event, name="cancel_event"),
    path("approvals/", approvals, name="approvals"),
    path("<int:pk>/decide/", decide, name="decide"),
    path("mine/", mine, name="mine"),
]
