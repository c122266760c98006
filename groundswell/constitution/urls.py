"""Constitution URLs."""

from django.urls import URLPattern, URLResolver

app_name = "constitution"

urlpatterns: list[URLPattern | URLResolver] = []
