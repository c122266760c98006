"""The Django admin, open only to staff who have signed in with their second factor: admins see
everyone's personal data."""

from typing import Any

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from groundswell.accounts.redirects import with_next
from groundswell.core.access import is_verified


class VerifiedAdminSite(admin.AdminSite):
    site_header = "Groundswell administration"

    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_verified(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        # One way in for everyone: the site's own sign-in (password or link), then the second factor.
        next_url = request.GET.get("next") or request.path
        user = request.user
        if not user.is_authenticated:
            return redirect(with_next("accounts:sign_in", next_url))
        if not (user.is_active and user.is_staff):
            raise PermissionDenied("The admin is for staff only.")
        return redirect(with_next("accounts:two_factor", next_url))
