"""Outreach pages: texting campaigns and their set-up (the URL patterns below, with those of the
other texting view modules, are included by outreach/urls.py)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, URLResolver, path
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.core.access import personal_data_view, sees_personal_data
from groundswell.outreach.actions import texting as setup
from groundswell.outreach.actions.text_rules import TextingRefused, campaign_hours
from groundswell.outreach.forms_texting import CannedResponseForm, TextCampaignForm
from groundswell.outreach.models import TextCampaign
from groundswell.outreach.queries import texting as q
from groundswell.outreach.queries.text_preview import preview_message
from groundswell.outreach.views import sms_webhooks, texting_inbox, texting_progress, texting_send

T = "outreach/texting/"


@login_required
@require_GET
def campaigns(request: HttpRequest) -> HttpResponse:
    """Campaigns I text for, and (for organisers) campaigns I run."""
    user = request.user
    managed = (
        q.campaigns_managed_by(user) if sees_personal_data(user) else TextCampaign.objects.none()
    )
    context = {"texting": q.campaigns_texted_by(user).select_related("group"),
               "managed": managed.select_related("group"), "organiser": sees_personal_data(user)}  # fmt: skip
    return render(request, f"{T}campaigns.html", context)


@personal_data_view
@require_http_methods(["GET", "POST"])
def new_campaign(request: HttpRequest) -> HttpResponse:
    form = TextCampaignForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = setup.create_text_campaign(request.user, form.details())
        except TextingRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Campaign saved. Add canned responses, then start it.")
            return redirect("outreach:text_campaign", campaign.pk)
    return _form_page(request, form, None)


@personal_data_view
@require_http_methods(["GET", "POST"])
def edit_campaign(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = q.get_campaign_for_organiser(request.user, pk)
    initial = TextCampaignForm.initial_for(campaign)
    form = TextCampaignForm(request.POST or None, user=request.user, campaign=campaign, initial=initial)  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            setup.update_text_campaign(request.user, campaign, form.details())
        except TextingRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, "Saved.")
            return redirect("outreach:text_campaign", campaign.pk)
    return _form_page(request, form, campaign)


def _form_page(request: HttpRequest, form: TextCampaignForm, campaign: Any) -> HttpResponse:
    data = form.data if form.is_bound else form.initial
    preview = preview_message(
        request.user,
        str(data.get("message") or ""),
        audience_id=str(data.get("audience") or ""),
        group_id=str(data.get("group") or ""),
    )
    context = {"form": form, "campaign": campaign, "preview": preview}
    return render(request, f"{T}campaign_form.html", context, status=400 if form.errors else 200)


@personal_data_view
@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """The live preview under a message box (htmx, as the organiser types)."""
    post = request.POST
    text = post.get("message", post.get("body", ""))
    found = preview_message(request.user, text, audience_id=post.get("audience", ""),
                            group_id=post.get("group", ""))  # fmt: skip
    return render(request, f"{T}campaign_form.html#preview", {"preview": found})


@personal_data_view
@require_GET
def campaign_page(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = q.get_campaign_for_organiser(request.user, pk)
    return _campaign_page(request, campaign, CannedResponseForm())


def _campaign_page(
    request: HttpRequest, campaign: TextCampaign, canned_form: CannedResponseForm
) -> HttpResponse:
    start, end = campaign_hours(campaign)
    context = {"campaign": campaign, "canned_form": canned_form, "hours": (start, end),
               "canned": campaign.canned.all(), "texters": campaign.texters.all(),
               "preview": preview_message(request.user, campaign.message, audience_id=str(campaign.audience_id),
                                          group_id=str(campaign.group_id or ""))}  # fmt: skip
    return render(request, f"{T}campaign.html", context, status=400 if canned_form.errors else 200)


_CHANGES = {
    "start": setup.start_text_campaign,
    "refresh": setup.refresh_text_campaign,
    "pause": setup.pause_text_campaign,
    "close": setup.close_text_campaign,
}
_DONE = {"pause": "Paused: no new texts go until you start it again.", "close": "Closed."}


@personal_data_view
@require_POST
def change_campaign(request: HttpRequest, pk: int) -> HttpResponse:
    """Start, refresh, pause or close (the button's `do`)."""
    campaign = q.get_campaign_for_organiser(request.user, pk)
    change = _CHANGES.get(request.POST.get("do", ""))
    if change is None:
        messages.error(request, "Choose start, refresh, pause or close.")
        return redirect("outreach:text_campaign", pk)
    try:
        counts = change(campaign)
    except TextingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        done = counts.summary() if counts else _DONE[request.POST["do"]]
        messages.success(request, done)
    return redirect("outreach:text_campaign", pk)


@personal_data_view
@require_POST
def add_canned(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = q.get_campaign_for_organiser(request.user, pk)
    form = CannedResponseForm(request.POST)
    if not form.is_valid():
        return _campaign_page(request, campaign, form)
    setup.add_canned_response(campaign, form.cleaned_data["title"], form.cleaned_data["body"])
    messages.success(request, "Canned response added.")
    return redirect("outreach:text_campaign", pk)


@personal_data_view
@require_POST
def delete_canned(request: HttpRequest, pk: int, canned_id: int) -> HttpResponse:
    campaign = q.get_campaign_for_organiser(request.user, pk)
    setup.delete_canned_response(campaign, canned_id)
    messages.success(request, "Canned response removed.")
    return redirect("outreach:text_campaign", pk)


urlpatterns: list[URLPattern | URLResolver] = [
    path("texting/", campaigns, name="text_campaigns"),
    path("texting/new/", new_campaign, name="text_campaign_new"),
    path("texting/preview/", preview, name="text_preview"),
    path("texting/<int:pk>/", campaign_page, name="text_campaign"),
    path("texting/<int:pk>/edit/", edit_campaign, name="text_campaign_edit"),
    path("texting/<int:pk>/change/", change_campaign, name="text_campaign_change"),
    path("texting/<int:pk>/canned/", add_canned, name="text_canned_add"),
    path(
        "texting/<int:pk>/canned/<int:canned_id>/delete/", delete_canned, name="text_canned_delete"
    ),
    *texting_send.urlpatterns,
    *texting_inbox.urlpatterns,
    *texting_progress.urlpatterns,
    *sms_webhooks.urlpatterns,
]
