from django.urls import path

from .views import manage, membership, public

app_name = "groups"
urlpatterns = [
    path("", public.find, name="find"),
    path("<slug:slug>/", public.detail, name="detail"),
    path("<slug:slug>/join/", membership.join, name="join"),
    path("<slug:slug>/leave/", membership.leave, name="leave"),
    path("<slug:slug>/members/", membership.members_page, name="members_page"),
    path("<slug:slug>/manage/", manage.manage, name="manage"),
    path("<slug:slug>/manage/details/", manage.edit, name="edit"),
    path("<slug:slug>/manage/find-people/", manage.find_people, name="find_people"),
    path("<slug:slug>/manage/add/", manage.add_member, name="add_member"),
    path("<slug:slug>/manage/<int:person_id>/remove/", manage.remove_member, name="remove_member"),
    path("<slug:slug>/manage/<int:person_id>/role/", manage.set_role, name="set_role"),
]
