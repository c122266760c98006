"""Values every template may use."""

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from groundswell.core.access import sees_personal_data


def site(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "SITE_NAME": settings.SITE_NAME,
        "DEMO_MODE": settings.DEMO_MODE,
        "show_organiser_nav": user.is_authenticated and sees_personal_data(user),
    }
