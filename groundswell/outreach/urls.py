"""Outreach URLs: each views module lists its own patterns."""

from django.urls import URLPattern, URLResolver

from groundswell.outreach.views import calls, texting

app_name = "outreach"

urlpatterns: list[URLPattern | URLResolver] = [*calls.urlpatterns, *texting.urlpatterns]
