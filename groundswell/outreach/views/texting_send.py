"""The texter's screen (made for a phone): the next person to text, their message, and one button
that sends exactly that one text."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path
from django.views.decorators.http import require_http_methods

from groundswell.messaging.sms.segments import measure
from groundswell.outreach.actions.text_claims import claim_next
from groundswell.outreach.actions.text_delivery import SendOutcome
from groundswell.outreach.actions.text_rules import TextingRefused
from groundswell.outreach.actions.text_sending import send_opening_text, texter_for
from groundswell.outreach.models import CampaignStatus, ConversationStatus, TextCampaign
from groundswell.outreach.queries.texting import get_campaign_for_texter, inbox_for
from groundswell.people.models import Person

SEND = "outreach/texting/send.html"
WAITING_SECONDS = 10


@login_required
@require_http_methods(["GET", "POST"])
def send_next(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = get_campaign_for_texter(request.user, pk)
    try:
        texter = texter_for(request.user, campaign)
    except TextingRefused as refusal:
        messages.error(request, str(refusal))
        return redirect("outreach:text_campaigns")
    if request.method != "POST":
        return _screen(request, campaign, texter, None)
    try:
        outcome = send_opening_text(request.user, campaign, request.POST.get("token", ""))
    except TextingRefused as refusal:
        outcome = SendOutcome("refused", str(refusal))
    if getattr(request, "htmx", None):
        return _screen(request, campaign, texter, outcome, partial=True)
    getattr(messages, "success" if outcome.went else "error")(request, outcome.message)
    return redirect("outreach:text_send", pk)


def _screen(
    request: HttpRequest,
    campaign: TextCampaign,
    texter: Person,
    outcome: SendOutcome | None,
    partial: bool = False,
) -> HttpResponse:
    context: dict[str, Any] = {"campaign": campaign, "outcome": outcome, "claim": None}
    if campaign.status == CampaignStatus.ACTIVE:
        claim = claim_next(texter, campaign)
        context["claim"] = claim
        if claim.conversation is not None:
            context |= {"body": claim.body, "info": measure(claim.body)}
    context["waiting"] = _waiting(campaign)
    context["to_answer"] = inbox_for(request.user, campaign.pk).filter(needs_reply=True).count()
    template = f"{SEND}#screen" if partial else SEND
    return render(request, template, context)


def _waiting(campaign: TextCampaign) -> int:
    """How many are still to text, counted at most every WAITING_SECONDS per campaign: with a dozen
    texters clicking, an exact count over a 100,000-person campaign on every click cost more than
    the text itself."""
    count = campaign.conversations.filter(status=ConversationStatus.WAITING).count
    return int(cache.get_or_set(f"texting:waiting:{campaign.pk}", count, WAITING_SECONDS) or 0)


urlpatterns: list[URLPattern] = [
    path("texting/<int:pk>/send/", send_next, name="text_send"),
]
