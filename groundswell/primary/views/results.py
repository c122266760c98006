"""The published outcome: the winning proposals, and the motions as Markdown and PDF downloads."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, path
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from groundswell.democracy.actions import ResultsNotYet
from groundswell.primary.eligibility import organises
from groundswell.primary.models import Primary
from groundswell.primary.motions import motions_markdown, motions_pdf
from groundswell.primary.outcome import Motion, winning_motions
from groundswell.primary.queries import get_primary_for_user


@require_GET
@login_required
def results(request: HttpRequest, pk: int) -> HttpResponse:
    primary = get_primary_for_user(request.user, pk)
    try:
        motions = winning_motions(primary, timezone.now())
    except ResultsNotYet as exc:
        context = {
            "primary": primary,
            "reason": str(exc),
            "organiser": organises(request.user, primary),
        }
        return render(request, "primary/not_yet.html", context)
    return render(request, "primary/results.html", {"primary": primary, "motions": motions})


def _motions(request: HttpRequest, pk: int) -> tuple[Primary, list[Motion]]:
    primary = get_primary_for_user(request.user, pk)
    return primary, winning_motions(primary, timezone.now())


@require_GET
@login_required
def motions_md(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        primary, motions = _motions(request, pk)
    except ResultsNotYet as exc:
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(motions_markdown(primary.title, motions),
                            content_type="text/markdown; charset=utf-8")  # fmt: skip
    response["Content-Disposition"] = f'attachment; filename="{_name(primary)}.md"'
    return response


@require_GET
@login_required
def motions_pdf_file(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        primary, motions = _motions(request, pk)
    except ResultsNotYet as exc:
        return HttpResponse(str(exc), status=404, content_type="text/plain; charset=utf-8")
    response = HttpResponse(motions_pdf(primary.title, motions), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{_name(primary)}.pdf"'
    return response


def _name(primary: Primary) -> str:
    return f"motions-{slugify(primary.title)[:60] or primary.pk}"


urlpatterns: list[URLPattern] = [
    path("<int:pk>/results/", results, name="results"),
    path("<int:pk>/motions.md", motions_md, name="motions_md"),
    path("<int:pk>/motions.pdf", motions_pdf_file, name="motions_pdf"),
]
