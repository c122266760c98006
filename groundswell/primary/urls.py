"""Policy Primary URLs."""

from django.urls import URLPattern, URLResolver

app_name = "primary"

urlpatterns: list[URLPattern | URLResolver] = []
