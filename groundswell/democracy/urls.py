"""Ballot URLs: each views module lists its own patterns."""

from django.urls import URLPattern, URLResolver

from groundswell.democracy.views import creating, manage, published, voting

app_name = "democracy"

urlpatterns: list[URLPattern | URLResolver] = [
    *voting.urlpatterns,
    *published.urlpatterns,
    *manage.urlpatterns,
    *creating.urlpatterns,
]
