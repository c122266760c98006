"""The members' pages: documents, a document's text (any version), proposing, an amendment with its
seconding button, and a clause's history. Seconders are shown as counts here, never names."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.constitution import queries
from groundswell.constitution.actions import ConstitutionError, propose_amendment, second_amendment
from groundswell.constitution.diffing import word_diff
from groundswell.constitution.eligibility import acting_member, is_eligible, may_create, organises
from groundswell.constitution.forms import AmendmentForm
from groundswell.constitution.models import ClauseText
from groundswell.constitution.versions import current_version


@require_GET
@login_required
def document_list(request: HttpRequest) -> HttpResponse:
    documents = queries.documents_visible_to(request.user).select_related("group")
    context = {
        "documents": documents,
        "now": timezone.now(),
        "may_create": may_create(request.user),
    }
    return render(request, "constitution/list.html", context)


@require_GET
@login_required
def document_page(request: HttpRequest, pk: int) -> HttpResponse:
    document = queries.get_document_for_user(request.user, pk)
    asked = request.GET.get("version", "")
    number = int(asked) if asked.isdigit() and len(asked) < 10 else None
    version, texts = queries.version_text(document, number)
    now = timezone.now()
    latest = current_version(document)
    pending = queries.open_amendments(document) if version == latest else {}
    rows = [(row, pending.get(row.clause_id, [])) for row in texts]
    context = {"document": document, "version": version, "rows": rows, "latest": latest,
               "versions": document.versions.all(), "now": now,
               "window_open": document.amendments_open <= now < document.amendments_close,
               "may_amend": is_eligible(acting_member(request.user), document),
               "organises": organises(request.user, document)}  # fmt: skip
    return render(request, "constitution/document.html", context)


@require_http_methods(["GET", "POST"])
@login_required
def propose(request: HttpRequest, clause_pk: int) -> HttpResponse:
    clause = queries.get_clause_for_user(request.user, clause_pk)
    current = ClauseText.objects.filter(version=current_version(clause.document), clause=clause)
    form = AmendmentForm(request.POST if request.method == "POST" else None)
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            amendment = propose_amendment(acting_member(request.user), clause, data["kind"], data["text"],
                                          data["reason"], timezone.now())  # fmt: skip
        except ConstitutionError as exc:
            error = str(exc)
        else:
            return redirect("constitution:amendment", amendment.pk)
    context = {"clause": clause, "current": current.first(), "form": form, "error": error,
               "may_amend": is_eligible(acting_member(request.user), clause.document)}  # fmt: skip
    status = 400 if request.method == "POST" else 200
    return render(request, "constitution/propose.html", context, status=status)


@require_GET
@login_required
def amendment_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _amendment_response(request, pk, "")


def _amendment_response(request: HttpRequest, pk: int, error: str) -> HttpResponse:
    amendment = queries.get_amendment_for_user(request.user, pk)
    old = ClauseText.objects.filter(version=amendment.version, clause=amendment.clause).first()
    context = {"amendment": amendment, "document": amendment.document, "old": old,
               "diff": word_diff(old.text, amendment.text) if old and amendment.kind == "replace" else [],
               "seconded": queries.has_seconded(request.user, amendment), "error": error,
               "may_second": is_eligible(acting_member(request.user), amendment.document)}  # fmt: skip
    return render(request, "constitution/amendment.html", context, status=400 if error else 200)


@require_POST
@login_required
def second(request: HttpRequest, pk: int) -> HttpResponse:
    amendment = queries.get_amendment_for_user(request.user, pk)
    try:
        second_amendment(acting_member(request.user), amendment, timezone.now())
    except ConstitutionError as exc:
        return _amendment_response(request, pk, str(exc))
    return redirect("constitution:amendment", pk)


@require_GET
@login_required
def clause_history(request: HttpRequest, pk: int) -> HttpResponse:
    clause = queries.get_clause_for_user(request.user, pk)
    context = {"clause": clause, "document": clause.document,
               "history": queries.clause_history(clause)}  # fmt: skip
    return render(request, "constitution/history.html", context)
