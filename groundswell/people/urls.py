from django.urls import include, path

from . import merge_views, person_views, views

app_name = "people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("export/", views.export_people, name="export"),
    path("custom-fields/", views.custom_fields, name="custom_fields"),
    path("<int:person_id>/", person_views.person_detail, name="detail"),
    path("<int:person_id>/edit/", person_views.edit_person, name="edit"),
    path("<int:person_id>/notes/", person_views.add_note, name="add_note"),
    path("<int:person_id>/tags/", person_views.add_tag, name="add_tag"),
    path("<int:person_id>/tags/<int:tag_id>/remove/", person_views.remove_tag, name="remove_tag"),
    path(
        "<int:person_id>/custom-fields/",
        person_views.edit_custom_fields,
        name="edit_custom_fields",
    ),
    path("<int:person_id>/consent/", person_views.record_consent, name="record_consent"),
    path("<int:person_id>/merge/", merge_views.merge_search, name="merge_search"),
    path("<int:person_id>/merge/<int:other_id>/", merge_views.merge, name="merge"),
    path("import/", include("groundswell.people.importing.urls")),
]
