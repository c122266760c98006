"""Conversations after the opening text: the texter's inbox of replies, one conversation's thread
with its reply box and canned responses, and the organiser's list of a campaign's conversations."""

from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.views.decorators.http import require_GET, require_POST

from groundswell.core.access import is_verified, personal_data_view
from groundswell.messaging.sms.keywords import classify
from groundswell.outreach.actions import text_replies as act
from groundswell.outreach.actions.text_delivery import SendOutcome
from groundswell.outreach.actions.text_rules import TextingRefused, render_for
from groundswell.outreach.forms_texting import ReassignForm, ReplyForm
from groundswell.outreach.models import Conversation, ConversationStatus, Direction
from groundswell.outreach.queries import texting as q

T = "outreach/texting/"
LIMIT = 200  # conversations listed on one page


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    found = list(q.inbox_for(request.user)[:LIMIT])
    return render(request, f"{T}inbox.html", {"conversations": found, "limit": LIMIT})


@personal_data_view
@require_GET
def campaign_conversations(request: HttpRequest, pk: int) -> HttpResponse:
    campaign = q.get_campaign_for_organiser(request.user, pk)
    texter = request.GET.get("texter", "")
    status = request.GET.get("status", "")
    found = q.campaign_conversations(
        campaign, texter_id=int(texter) if texter.isdigit() else None, status=status
    )
    context = {"campaign": campaign, "conversations": list(found[:LIMIT]), "limit": LIMIT,
               "texters": campaign.texters.all(), "texter": texter, "status": status,
               "statuses": ConversationStatus.choices}  # fmt: skip
    return render(request, f"{T}conversations.html", context)


def _open(request: HttpRequest, pk: int) -> tuple[Conversation, bool] | HttpResponse:
    """The conversation and whether the user is its organiser (who must have a second factor)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    conversation, as_organiser = q.get_conversation_for_user(request.user, pk)
    if as_organiser and not is_verified(request.user):
        query = urlencode({"next": request.path}, safe="/")
        return redirect(f"{reverse('accounts:two_factor')}?{query}")
    return conversation, as_organiser


@require_GET
def conversation_page(request: HttpRequest, pk: int) -> HttpResponse:
    opened = _open(request, pk)
    if isinstance(opened, HttpResponse):
        return opened
    conversation, as_organiser = opened
    body = _canned_text(conversation, request.GET.get("canned", ""))
    if getattr(request, "htmx", None) and body is not None:
        return _page(request, conversation, as_organiser, None, body, "#reply-box")
    return _page(request, conversation, as_organiser, None, body or "")


def _canned_text(conversation: Conversation, canned_id: str) -> str | None:
    canned = conversation.campaign.canned.filter(pk=int(canned_id)).first() if canned_id.isdigit() else None  # fmt: skip
    if canned is None:
        return None
    return render_for(canned.body, conversation.campaign, conversation.person, conversation.texter)


def _page(
    request: HttpRequest,
    conversation: Conversation,
    as_organiser: bool,
    outcome: SendOutcome | None,
    body: str,
    partial: str = "",
    status: int = 200,
) -> HttpResponse:
    thread = q.thread(conversation)
    last_in = next((m for m in reversed(thread) if m.direction == Direction.IN), None)
    after = thread[-1].pk if thread else 0
    context: dict[str, Any] = {
        "conversation": conversation, "campaign": conversation.campaign, "thread": thread,
        "as_organiser": as_organiser, "outcome": outcome,
        "reply_form": ReplyForm(initial={"body": body, "after": after}),
        "canned": conversation.campaign.canned.all(),
        "may_be_opt_out": _asks_to_stop(conversation, last_in),
        "reassign_form": ReassignForm(campaign=conversation.campaign, initial={"texter": conversation.texter_id}) if as_organiser else None,
    }  # fmt: skip
    return render(request, f"{T}conversation.html{partial}", context, status=status)


def _asks_to_stop(conversation: Conversation, last_in: Any) -> bool:
    if last_in is None or conversation.status == ConversationStatus.OPTED_OUT:
        return False
    return conversation.person.sms_consent and classify(last_in.body).may_be_opt_out


@require_POST
def reply(request: HttpRequest, pk: int) -> HttpResponse:
    opened = _open(request, pk)
    if isinstance(opened, HttpResponse):
        return opened
    conversation, as_organiser = opened
    form = ReplyForm(request.POST)
    if not form.is_valid():
        outcome = SendOutcome("refused", "Write a reply first.")
    else:
        data = form.cleaned_data
        try:
            outcome = act.send_reply(request.user, conversation, data["body"], data["after"])
        except TextingRefused as refusal:
            outcome = SendOutcome("refused", str(refusal))
    conversation.refresh_from_db()
    kept = "" if outcome.went else str(request.POST.get("body", ""))
    if getattr(request, "htmx", None):
        return _page(request, conversation, as_organiser, outcome, kept, "#conversation")
    getattr(messages, "success" if outcome.went else "error")(request, outcome.message)
    return redirect("outreach:text_conversation", pk)


@require_POST
def close(request: HttpRequest, pk: int) -> HttpResponse:
    return _change(request, pk, lambda c: act.close_conversation(c), "Closed.")


@require_POST
def opt_out(request: HttpRequest, pk: int) -> HttpResponse:
    said = "Opt-out recorded: they will get no more texts from any campaign."
    return _change(request, pk, lambda c: act.record_opt_out(request.user, c), said)


@require_POST
def reassign(request: HttpRequest, pk: int) -> HttpResponse:
    def hand_over(conversation: Conversation) -> None:
        form = ReassignForm(request.POST, campaign=conversation.campaign)
        if not form.is_valid():
            raise TextingRefused("Choose one of this campaign's texters.")
        act.reassign_conversation(conversation, form.cleaned_data["texter"])

    return _change(request, pk, hand_over, "Handed over.", organisers_only=True)


def _change(
    request: HttpRequest, pk: int, change: Any, done: str, organisers_only: bool = False
) -> HttpResponse:
    opened = _open(request, pk)
    if isinstance(opened, HttpResponse):
        return opened
    conversation, as_organiser = opened
    if organisers_only and not as_organiser:
        raise PermissionDenied("Only the campaign's organisers can hand conversations over.")
    try:
        change(conversation)
    except TextingRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect("outreach:text_conversation", pk)


urlpatterns: list[URLPattern] = [
    path("texting/inbox/", inbox, name="text_inbox"),
    path("texting/<int:pk>/conversations/", campaign_conversations, name="text_conversations"),
    path("texting/conversations/<int:pk>/", conversation_page, name="text_conversation"),
    path("texting/conversations/<int:pk>/reply/", reply, name="text_reply"),
    path("texting/conversations/<int:pk>/close/", close, name="text_conversation_close"),
    path("texting/conversations/<int:pk>/opt-out/", opt_out, name="text_opt_out"),
    path("texting/conversations/<int:pk>/reassign/", reassign, name="text_reassign"),
]
