"""Target seats: the public nearest-target finder, the national coverage view, choosing targets."""

from django.urls import URLPattern, path

from groundswell.targets import views

app_name = "targets"
urlpatterns: list[URLPattern] = [
    path("", views.finder, name="finder"),
    path("coverage/", views.coverage, name="coverage"),
    path("manage/", views.manage, name="manage"),
    path("manage/add/", views.add, name="add"),
    path("manage/adopt/", views.adopt, name="adopt"),
    path("manage/<int:pk>/", views.edit, name="edit"),
]
