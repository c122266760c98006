"""The organiser's page for setting up a ballot. Everything is checked (by the form, then by
create_ballot) before anything is written; the electorate is frozen later, at the cut-off."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods

from groundswell.core.access import personal_data_view
from groundswell.democracy.actions import BallotError, create_ballot
from groundswell.democracy.forms_create import BallotSetup


@require_http_methods(["GET", "POST"])
@personal_data_view
def create(request: HttpRequest) -> HttpResponse:
    setup = BallotSetup(request.user, request.POST if request.method == "POST" else None)
    submitted = request.method == "POST" and not setup.adding
    if submitted and setup.is_valid():
        try:
            ballot = create_ballot(request.user, **setup.arguments())
        except BallotError as exc:
            setup.form.add_error(None, str(exc))
        else:
            messages.success(
                request, "The ballot is set up. Check its electorate after the cut-off."
            )
            return redirect("democracy:manage", pk=ballot.pk)
    context = {"setup": setup, "form": setup.form}
    return render(request, "democracy/create.html", context, status=400 if submitted else 200)


urlpatterns: list[URLPattern] = [
    path("manage/new/", create, name="create"),
]
