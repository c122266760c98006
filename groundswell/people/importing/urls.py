"""Import pages, included by people/urls.py under import/, named import_* in the people namespace."""

from django.urls import path

from groundswell.people.importing import views

urlpatterns = [
    path("", views.import_start, name="import_start"),
    path("<int:job_id>/", views.import_detail, name="import_detail"),
    path("<int:job_id>/mapping/", views.import_mapping, name="import_mapping"),
    path("<int:job_id>/progress/", views.import_progress, name="import_progress"),
    path("<int:job_id>/confirm/", views.import_confirm, name="import_confirm"),
    path("<int:job_id>/restart/", views.import_restart, name="import_restart"),
    path("<int:job_id>/problems.csv", views.import_errors, name="import_errors"),
]
