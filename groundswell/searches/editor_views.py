"""The saved-search editor: a new search, editing one, and the live count the editor asks for while
rules change (htmx posts the whole form to it)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from groundswell.core.access import personal_data_view
from groundswell.searches.actions import SearchRefused
from groundswell.searches.choices import editor_choices
from groundswell.searches.definition import DefinitionError
from groundswell.searches.editor import (
    Editor,
    editor_for,
    editor_from_post,
    live_count,
    rule_views,
    save,
)
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import get_search_for_user


@personal_data_view
@require_http_methods(["GET", "POST"])
def new_search(request: HttpRequest) -> HttpResponse:
    return _editor_page(request, None)


@personal_data_view
@require_http_methods(["GET", "POST"])
def edit_search(request: HttpRequest, pk: int) -> HttpResponse:
    return _editor_page(request, get_search_for_user(request.user, pk))


@personal_data_view
@require_POST
def count(request: HttpRequest) -> HttpResponse:
    """The live count for the rules posted (the details form is ignored)."""
    editor = editor_from_post(request.user, request.POST, None)
    editing = request.POST.get("editing", "")
    search_id = (
        int(editing) if editing.isascii() and editing.isdigit() and len(editing) < 19 else None
    )
    context = {"count": live_count(request.user, editor, search_id)}
    return render(request, "searches/edit.html#live-count", context)


def _editor_page(request: HttpRequest, search: SavedSearch | None) -> HttpResponse:
    if request.method == "GET":
        return _render(request, editor_for(request.user, search), search)
    editor = editor_from_post(request.user, request.POST, search)
    if editor.adjusted:
        return _render(request, editor, search)
    try:
        saved = save(editor, request.user, search)
    except (DefinitionError, SearchRefused) as error:
        editor.error = str(error)
        return _render(request, editor, search, status=400)
    messages.success(request, f"Saved “{saved.name}”.")
    return redirect("searches:people", saved.pk)


def _render(
    request: HttpRequest, editor: Editor, search: SavedSearch | None, status: int = 200
) -> HttpResponse:
    search_id = search.pk if search else None
    choices = editor_choices(request.user, editing=search_id)
    context = {
        "editor": editor,
        "search": search,
        "choices": choices,
        "rules": rule_views(editor.rows, choices),
        "count": live_count(request.user, editor, search_id),
    }
    return render(request, "searches/edit.html", context, status=status)
