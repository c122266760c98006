"""The organiser's page for one group: its members (personal data, so 2FA) and its details."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from groundswell.core.access import personal_data_view
from groundswell.groups import actions
from groundswell.groups.forms import AddByEmailForm, GroupDetailsForm
from groundswell.groups.models import Group
from groundswell.groups.queries import (
    addable_person_with_email,
    filter_members,
    get_addable_person,
    get_group_for_manage,
    get_membership_for_manage,
    group_members_visible_to,
    people_addable_to,
)

PAGE_SIZE = 50
NOT_FOUND_BY_EMAIL = (
    "No one with that email address is among the people you can see. "
    "They can join from the group's page."
)


@require_GET
@personal_data_view
def manage(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_manage(request.user, slug)
    return _render_manage(request, group, GroupDetailsForm.for_group(group), AddByEmailForm())


def _render_manage(
    request: HttpRequest,
    group: Group,
    details_form: GroupDetailsForm,
    email_form: AddByEmailForm,
    status: int = 200,
) -> HttpResponse:
    q = request.GET.get("q", "").strip()
    members = filter_members(group_members_visible_to(request.user, group), q)
    context: dict[str, Any] = {
        "group": group,
        "q": q,
        "members": Paginator(members, PAGE_SIZE).get_page(request.GET.get("page")),
        "details_form": details_form,
        "email_form": email_form,
    }
    return render(request, "groups/manage.html", context, status=status)


@require_POST
@personal_data_view
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_manage(request.user, slug)
    form = GroupDetailsForm(request.POST)
    if not form.is_valid():
        return _render_manage(request, group, form, AddByEmailForm(), status=400)
    actions.update_group(request.user, group, **form.cleaned_data)
    messages.success(request, "Group details saved.")
    return redirect("groups:manage", slug=group.slug)


@require_GET
@personal_data_view
def find_people(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_manage(request.user, slug)
    q = request.GET.get("find", "").strip()
    people = people_addable_to(request.user, group, q)
    context = {"group": group, "found": people, "find": q}
    template = "groups/manage.html#found-people" if getattr(request, "htmx", None) else None
    return render(request, template or "groups/find_people.html", context)


@require_POST
@personal_data_view
def add_member(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_manage(request.user, slug)
    if "person_id" in request.POST:
        person = get_addable_person(request.user, group, _int(request.POST["person_id"]))
    else:
        form = AddByEmailForm(request.POST)
        found = (
            addable_person_with_email(request.user, group, form.cleaned_data["email"])
            if form.is_valid()
            else None
        )
        if found is None:
            if form.is_valid():
                form.add_error("email", NOT_FOUND_BY_EMAIL)
            return _render_manage(request, group, GroupDetailsForm.for_group(group), form, 400)
        person = found
    _, created = actions.add_member(request.user, group, person)
    verb = "added to" if created else "was already in"
    messages.success(request, f"{person} {verb} {group.name}.")
    return redirect("groups:manage", slug=group.slug)


def _int(value: str) -> int:
    return int(value) if value.isdigit() else 0


@require_POST
@personal_data_view
def remove_member(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    group = get_group_for_manage(request.user, slug)
    membership = get_membership_for_manage(request.user, group, person_id)
    try:
        actions.remove_member(request.user, group, membership.person)
    except actions.GroupError as exc:
        return _row_or_redirect(request, group, membership, str(exc))
    if getattr(request, "htmx", None):
        return HttpResponse("")  # the row disappears
    messages.success(request, f"{membership.person} removed from {group.name}.")
    return redirect("groups:manage", slug=group.slug)


@require_POST
@personal_data_view
def set_role(request: HttpRequest, slug: str, person_id: int) -> HttpResponse:
    group = get_group_for_manage(request.user, slug)
    membership = get_membership_for_manage(request.user, group, person_id)
    error = ""
    try:
        actions.set_role(request.user, group, membership.person, request.POST.get("role", ""))
    except actions.GroupError as exc:
        error = str(exc)
    membership = get_membership_for_manage(request.user, group, person_id)
    return _row_or_redirect(request, group, membership, error)


def _row_or_redirect(
    request: HttpRequest, group: Group, membership: Any, error: str
) -> HttpResponse:
    """htmx swaps the member's row in place; without JS, back to the page with a message."""
    if getattr(request, "htmx", None):
        context = {"group": group, "membership": membership, "row_error": error}
        return render(request, "groups/manage.html#member-row", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, f"{membership.person} is now {membership.get_role_display()}.")
    return redirect("groups:manage", slug=group.slug)
