"""Policy Primary URLs: each views module lists its own patterns."""

from django.urls import URLPattern, URLResolver

from groundswell.primary.views import member, organise, results

app_name = "primary"

urlpatterns: list[URLPattern | URLResolver] = [
    *member.urlpatterns,
    *organise.urlpatterns,
    *results.urlpatterns,
]
