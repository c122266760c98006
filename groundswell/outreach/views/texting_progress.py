"""The organiser's progress page for a texting campaign: sent, delivered, failed, replies and
opt-outs, overall and per texter, refreshed in place every few seconds (htmx polling)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.views.decorators.http import require_GET

from groundswell.core.access import personal_data_view
from groundswell.outreach.queries.text_progress import campaign_progress
from groundswell.outreach.queries.texting import get_campaign_for_organiser

PROGRESS = "outreach/texting/progress.html"


@personal_data_view
@require_GET
def progress(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_campaign_for_organiser(request.user, pk)
    context = {"campaign": campaign, "progress": campaign_progress(campaign)}
    partial = "#figures" if getattr(request, "htmx", None) else ""
    return render(request, f"{PROGRESS}{partial}", context)


urlpatterns: list[URLPattern] = [
    path("texting/<int:pk>/progress/", progress, name="text_progress"),
]
