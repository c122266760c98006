"""Members' pages: the primaries they may join, a primary's proposals with the submit form, and a
proposal with its history, support button and the author's amend form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.accounts.redirects import safe_next
from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.primary import actions
from groundswell.primary.actions import PrimaryError
from groundswell.primary.forms import ProposalForm
from groundswell.primary.models import Composite
from groundswell.primary.page_context import primary_page, proposal_page
from groundswell.primary.queries import (
    get_composite_for_author,
    get_primary_for_user,
    get_proposal_for_user,
    primaries_visible_to,
)


@require_GET
@login_required
def primary_list(request: HttpRequest) -> HttpResponse:
    primaries = primaries_visible_to(request.user).select_related("group")[:200]
    may_create = sees_everyone(request.user) or organised_group_ids(request.user).exists()
    context = {"primaries": primaries, "now": timezone.now(), "may_create": may_create}
    return render(request, "primary/list.html", context)


@require_GET
@login_required
def primary_detail(request: HttpRequest, pk: int) -> HttpResponse:
    primary = get_primary_for_user(request.user, pk)
    return render(request, "primary/primary.html", primary_page(request.user, primary))


@require_POST
@login_required
def submit(request: HttpRequest, pk: int) -> HttpResponse:
    primary = get_primary_for_user(request.user, pk)
    form = ProposalForm(primary, request.POST)
    if form.is_valid():
        try:
            d = form.cleaned_data
            proposal = actions.submit_proposal(
                request.user, primary, d["title"], d["text"], d["category"], timezone.now()
            )
        except PrimaryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Your proposal is in. Members can now support it.")
            return redirect("primary:proposal", pk=proposal.pk)
    context = primary_page(request.user, primary, form)
    return render(request, "primary/primary.html", context, status=400)


@require_http_methods(["GET", "POST"])
@login_required
def proposal_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The proposal; a POST is its author's amendment."""
    proposal = get_proposal_for_user(request.user, pk)
    if request.method != "POST":
        return render(request, "primary/proposal.html", proposal_page(request.user, proposal))
    form = ProposalForm(proposal.primary, request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            actions.amend_proposal(
                request.user, proposal, d["title"], d["text"], d["category"], timezone.now()
            )
        except PrimaryError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Amended. The earlier text stays in the history.")
            return redirect("primary:proposal", pk=pk)
    context = proposal_page(request.user, proposal, form)
    return render(request, "primary/proposal.html", context, status=400)


@require_POST
@login_required
def support(request: HttpRequest, pk: int) -> HttpResponse:
    """Support (or, with withdraw=1, stop supporting) and go back where the button was."""
    proposal = get_proposal_for_user(request.user, pk)
    withdraw = request.POST.get("withdraw") == "1"
    try:
        if withdraw:
            actions.withdraw_support(request.user, proposal, timezone.now())
        else:
            actions.support_proposal(request.user, proposal, timezone.now())
    except PrimaryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, "Support withdrawn." if withdraw else "You support this proposal."
        )
    return redirect(safe_next(request) or reverse("primary:proposal", args=[pk]))


@require_POST
@login_required
def answer_composite(request: HttpRequest, pk: int) -> HttpResponse:
    composite = get_composite_for_author(request.user, pk)
    consent = request.POST.get("answer") == "consent"
    if request.POST.get("answer") not in ("consent", "decline"):
        messages.error(request, "Choose to consent or to decline.")
        return redirect("primary:detail", pk=composite.primary_id)
    try:
        done = actions.answer_composite(request.user, composite, consent, timezone.now())
    except PrimaryError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _answered(done))
        if done.result_id:
            return redirect("primary:proposal", pk=done.result_id)
    return redirect("primary:detail", pk=composite.primary_id)


def _answered(composite: Composite) -> str:
    if composite.status == Composite.Status.DONE:
        return "Both authors agreed: the composite now replaces the two proposals."
    if composite.status == Composite.Status.DECLINED:
        return "Compositing declined: both proposals stay as they are."
    return "Thank you: waiting for the other author."


urlpatterns: list[URLPattern] = [
    path("", primary_list, name="list"),
    path("<int:pk>/", primary_detail, name="detail"),
    path("<int:pk>/submit/", submit, name="submit"),
    path("proposal/<int:pk>/", proposal_detail, name="proposal"),
    path("proposal/<int:pk>/support/", support, name="support"),
    path("composite/<int:pk>/answer/", answer_composite, name="answer_composite"),
]
