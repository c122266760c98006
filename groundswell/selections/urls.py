"""Candidate selection URLs: each views module lists its own patterns."""

from django.urls import URLPattern, URLResolver

from groundswell.selections.views import member, organise, panel

app_name = "selections"

urlpatterns: list[URLPattern | URLResolver] = [
    *member.urlpatterns,
    *panel.urlpatterns,
    *organise.urlpatterns,
]
