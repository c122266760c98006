"""A member's own doings: joining, leaving, and the members' page of a group they belong to."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from groundswell.core.access import acting_person_id
from groundswell.groups.actions import GroupError, join_group, leave_group
from groundswell.groups.queries import (
    can_manage,
    get_group_for_member_page,
    get_public_group,
    organiser_contacts,
)


@require_POST
def join(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    back = reverse("groups:detail", args=[group.slug])
    user = request.user
    if not user.is_authenticated:
        return redirect(f"{reverse('accounts:sign_up')}?{urlencode({'next': back})}")
    person = user.person
    if acting_person_id(user) is None or person is None:
        messages.error(
            request, "Please confirm your email address first: open the link we sent you."
        )
        return redirect(back)
    try:
        join_group(person, group, actor=user)
    except GroupError as exc:
        messages.error(request, str(exc))
        return redirect(back)
    messages.success(request, f"Welcome to {group.name}!")
    return redirect(back)


@require_POST
@login_required
def leave(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_public_group(slug)
    person = request.user.person if acting_person_id(request.user) else None  # type: ignore[union-attr]
    try:
        left = person is not None and leave_group(person, group, actor=request.user)
    except GroupError as exc:
        messages.error(request, str(exc))
    else:
        if left:
            messages.success(request, f"You have left {group.name}.")
    return redirect("groups:detail", slug=group.slug)


@login_required
def members_page(request: HttpRequest, slug: str) -> HttpResponse:
    group = get_group_for_member_page(request.user, slug)
    context = {
        "group": group,
        "organisers": organiser_contacts(group),
        "manager": can_manage(request.user, group),
    }
    return render(request, "groups/members_page.html", context)
