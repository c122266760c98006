"""Top-level URL map: one include per app."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("", include("groundswell.core.urls")),
    path("accounts/", include("groundswell.accounts.urls")),
    path("people/", include("groundswell.people.urls")),
    path("groups/", include("groundswell.groups.urls")),
    path("events/", include("groundswell.events.urls")),
    path("targets/", include("groundswell.targets.urls")),
    path("searches/", include("groundswell.searches.urls")),
    path("outreach/", include("groundswell.outreach.urls")),
    path("ballots/", include("groundswell.democracy.urls")),
    path("policy/", include("groundswell.primary.urls")),
    path("selections/", include("groundswell.selections.urls")),
    path("constitution/", include("groundswell.constitution.urls")),
    path("admin/", admin.site.urls),
]
