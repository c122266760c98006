"""Who may see whose personal data. Every access-scoped query in the apps builds on these."""

from collections.abc import Callable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from groundswell.accounts.models import Role

NATIONAL_ROLES = {Role.NATIONAL_ORGANISER, Role.DATA_OFFICER, Role.ADMIN}


def sees_everyone(user: Any) -> bool:
    """National organisers, data officers and admins see every person's record."""
    return bool(user.is_authenticated and user.is_active and user.role in NATIONAL_ROLES)


def acting_person_id(user: Any) -> int | None:
    """The person record a user acts as, once they have proved they own its email address.

    Sign-up links a new account to an existing record with the same email; until the emailed link is
    opened, the account must not inherit that record's groups, roles or data. A record that sign-up
    itself created is the account's own from the start."""
    if not user.is_authenticated or not user.is_active or user.person_id is None:
        return None
    return user.person_id if user.owns_person else None


def organised_group_ids(user: Any) -> QuerySet[Any, Any]:
    """Ids of the groups this user organises (through their person record)."""
    from groundswell.groups.models import Membership

    person_id = acting_person_id(user)
    if person_id is None:
        return Membership.objects.none().values_list("group_id", flat=True)
    return Membership.objects.filter(
        person_id=person_id, role=Membership.Role.ORGANISER, group__is_active=True
    ).values_list("group_id", flat=True)


def sees_personal_data(user: Any) -> bool:
    """Anyone who can see someone else's record: they must use two-factor sign-in."""
    return sees_everyone(user) or organised_group_ids(user).exists()


def is_verified(user: Any) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


def personal_data_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For pages that show others' data: signed in, allowed, and second factor verified."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        user = request.user
        if not sees_personal_data(user):
            from django.core.exceptions import PermissionDenied

            raise PermissionDenied("You do not have access to other people's records.")
        if not is_verified(user):
            return _to_two_factor(request)
        return view(request, *args, **kwargs)

    return wrapped


def verified_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For pages that show others' data to people chosen for a task rather than by role (a selection
    panel): signed in and second factor verified; the page's own query decides who is chosen."""

    @wraps(view)
    @login_required
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_verified(request.user):
            return _to_two_factor(request)
        return view(request, *args, **kwargs)

    return wrapped


def _to_two_factor(request: HttpRequest) -> HttpResponse:
    return redirect(
        f"/accounts/two-factor/?{urlencode({'next': request.get_full_path()}, safe='/')}"
    )
