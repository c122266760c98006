"""Home pages: the public front page, the member home and the organiser home."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from groundswell.accounts.models import User
from groundswell.accounts.queries import member_home
from groundswell.core.access import personal_data_view, sees_everyone
from groundswell.people.overview import latest_joins, my_groups, national_figures


def home(request: HttpRequest) -> HttpResponse:
    """The member home when signed in; otherwise the public front page."""
    user = request.user
    if not isinstance(user, User):
        return render(request, "core/home.html")
    return render(request, "core/home.html", {"home": member_home(user)})


@personal_data_view
def organiser_home(request: HttpRequest) -> HttpResponse:
    national = sees_everyone(request.user)
    context = {
        "groups": my_groups(request.user),
        "latest_joins": latest_joins(request.user),
        "national": national_figures() if national else None,
    }
    return render(request, "core/organiser_home.html", context)


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")
