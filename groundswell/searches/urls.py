from django.urls import URLPattern, URLResolver

app_name = "searches"

urlpatterns: list[URLPattern | URLResolver] = []
