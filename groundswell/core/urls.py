from django.urls import path

from . import views

app_name = "core"
urlpatterns = [
    path("", views.home, name="home"),
    path("organise/", views.organiser_home, name="organiser_home"),
    path("privacy/", views.privacy, name="privacy"),
]
