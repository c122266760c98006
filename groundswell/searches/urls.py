from django.urls import URLPattern, URLResolver, path

from groundswell.searches import editor_views, views

app_name = "searches"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.search_list, name="list"),
    path("new/", editor_views.new_search, name="new"),
    path("count/", editor_views.count, name="count"),
    path("<int:pk>/", views.people, name="people"),
    path("<int:pk>/edit/", editor_views.edit_search, name="edit"),
    path("<int:pk>/export/", views.export, name="export"),
    path("<int:pk>/delete/", views.delete, name="delete"),
]
