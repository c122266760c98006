"""Finding events near a postcode (list and map), and the embeddable events page of a group.

PLACEHOLDER: each view answers 404 until it is built."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import URLPattern, path


def find(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def embed(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


urlpatterns: list[URLPattern] = [
    path("", find, name="find"),
    path("groups/<slug:slug>/embed/", embed, name="embed"),
]
