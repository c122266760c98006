"""PLACEHOLDER: each view answers 404 until it is built."""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse


def finder(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def coverage(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")


def manage(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    raise Http404("Not built yet.")
