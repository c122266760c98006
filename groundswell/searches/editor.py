"""The rule editor's state between requests: the details form, "all"/"any", and the rule rows, read
from a stored search or a posted form, and what each row shows (its inputs with their options).

"Add a rule" and "Remove" are plain submit buttons, so the editor works without JavaScript: each
re-renders the page with one row more or less, and nothing is saved until "Save"."""

from dataclasses import dataclass, field
from typing import Any

from django.http import QueryDict

from groundswell.searches import actions
from groundswell.searches.choices import EditorChoices
from groundswell.searches.definition import FILTERS, DefinitionError
from groundswell.searches.forms import SearchDetailsForm
from groundswell.searches.leaf_params import LABELS
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import count_matching
from groundswell.searches.rows import (
    MAX_ROWS,
    RAW,
    Row,
    definition_to_rows,
    rows_from_post,
    rows_to_definition,
)

# Per filter, its inputs: (form field, label, kind, EditorChoices attribute for selects, blank option).
Spec = tuple[str, str, str, str, str]
LAYOUT: dict[str, tuple[Spec, ...]] = {
    "tag": (("tag", "Tag", "select", "tags", "Choose a tag"),),
    "group": (("group", "Group", "select", "groups", "Choose a group"),),
    "membership": (("status", "Status", "select", "statuses", "Choose a status"),),
    "joined": (("joined_after", "From", "date", "", ""), ("joined_before", "To", "date", "", "")),
    "near": (("postcode", "Postcode", "text", "", ""), ("km", "Within", "select", "distances", "")),
    "constituency": (("constituency", "Constituency", "select", "constituencies", "Choose a constituency"),),
    "events": (
        ("event_status", "Who", "select", "event_statuses", ""),
        ("kind", "Kind of event", "select", "kinds", "Any kind"),
        ("event", "Event", "select", "events", "Any event"),
        ("event_after", "Shift from", "date", "", ""),
        ("event_before", "Shift to", "date", "", ""),
    ),
    "answer": (
        ("question", "Question", "select", "questions", "Choose a question"),
        ("values", "Answers (separate with commas; empty: any answer)", "text", "", ""),
    ),
    "custom_field": (("key", "Field", "select", "custom_fields", "Choose a field"), ("value", "Value", "text", "", "")),
    "consent": (("channel", "Channel", "select", "channels", "Choose a channel"),),
    "contacted_within": (("days", "Called or texted in the last … days", "number", "", ""),),
    "in_search": (("search", "Saved search", "select", "searches", "Choose a saved search"),),
}  # fmt: skip
DEFAULTS = {"km": "5", "event_status": "signed_up", "days": "30"}


@dataclass
class Editor:
    form: SearchDetailsForm
    match: str = "all"
    rows: list[Row] = field(default_factory=list)
    error: str | None = None
    adjusted: bool = False  # a row was added or removed: show the page again, save nothing


def editor_for(user: Any, search: SavedSearch | None) -> Editor:
    """The editor showing a stored search, or an empty one."""
    form = SearchDetailsForm.for_search(user, search)
    if search is None:
        return Editor(form)
    match, rows = definition_to_rows(search.definition)
    return Editor(form, match, rows)


def editor_from_post(user: Any, data: QueryDict, search: SavedSearch | None) -> Editor:
    """The editor as posted, with a row added or removed if that is what was asked."""
    editor = Editor(SearchDetailsForm(data, user=user, search=search), data.get("match", "all"))
    editor.rows = rows_from_post(dict(data.lists()))
    if "add" in data:
        filter_name = data.get("new_filter", "")
        if filter_name in FILTERS and len(editor.rows) < MAX_ROWS:
            editor.rows.append({"filter": filter_name, **DEFAULTS})
        editor.adjusted = True
    remove = data.get("remove", "")
    if remove:
        index = int(remove) if remove.isascii() and remove.isdigit() else -1
        editor.rows = [row for i, row in enumerate(editor.rows) if i != index]
        editor.adjusted = True
    return editor


def save(editor: Editor, user: Any, search: SavedSearch | None) -> SavedSearch:
    """Create or update the search; DefinitionError or actions.SearchRefused if it cannot be."""
    definition = rows_to_definition(editor.match, editor.rows)
    if not editor.form.is_valid():
        raise actions.SearchRefused(_first_error(editor.form))
    details = editor.form.cleaned_data
    if search is None:
        return actions.create_search(user, definition=definition, **details)
    return actions.update_search(user, search, definition=definition, **details)


def _first_error(form: SearchDetailsForm) -> str:
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        label = (field.label or name.capitalize()) if field else ""
        return f"{label}: {errors[0]}" if label else str(errors[0])
    return "Please check the form."


@dataclass
class Input:
    name: str
    label: str
    kind: str
    value: str
    options: list[tuple[str, str, bool]]


@dataclass
class RuleView:
    index: int
    filter: str
    label: str
    negate: bool
    inputs: list[Input]
    raw: str = ""


def rule_views(rows: list[Row], choices: EditorChoices) -> list[RuleView]:
    """What each row shows: its filter's inputs, selects listing their options (and the row's
    current value even if it is no longer offered, so saving does not silently drop it)."""
    views = []
    for index, row in enumerate(rows):
        name = row.get("filter", "")
        if name == RAW or name not in LAYOUT:
            views.append(
                RuleView(index, RAW, "Rules made elsewhere", False, [], row.get("raw", ""))
            )
            continue
        inputs = [_input(spec, row.get(spec[0], ""), choices) for spec in LAYOUT[name]]
        views.append(RuleView(index, name, LABELS[name], bool(row.get("negate")), inputs))
    return views


def _input(spec: Spec, value: str, choices: EditorChoices) -> Input:
    name, label, kind, attribute, blank = spec
    if kind != "select":
        return Input(name, label, kind, value, [])
    offered: list[tuple[str, str]] = getattr(choices, attribute)
    options = [("", blank, value == "")] if blank or value == "" else []
    options += [(key, text, key == value) for key, text in offered]
    if value and not any(key == value for key, _text in offered):
        options.append((value, f"{value} (not available to you)", True))
    return Input(name, label, kind, value, options)


@dataclass
class LiveCount:
    count: int | None
    error: str | None = None


def live_count(user: Any, editor: Editor, search_id: int | None) -> LiveCount:
    """How many people the rules as they stand match, or what is wrong with them."""
    try:
        definition = rows_to_definition(editor.match, editor.rows)
        return LiveCount(count_matching(user, definition, search_id=search_id))
    except DefinitionError as error:
        return LiveCount(None, str(error))
