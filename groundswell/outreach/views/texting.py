"""Outreach pages: texting (the URL patterns below are included by outreach/urls.py)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
