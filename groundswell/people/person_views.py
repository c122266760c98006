"""The person page and the changes made from it: details, notes, tags, custom fields, consent.

Sections that change in place (notes, tags, custom fields) answer htmx with just their fragment and
a plain form post with a redirect back to the page, so they work with and without JavaScript.
"""

import copy
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from groundswell.core.access import personal_data_view
from groundswell.people import actions
from groundswell.people.forms import (
    ConsentForm,
    CustomValuesForm,
    NoteForm,
    PersonForm,
    TagForm,
)
from groundswell.people.models import CustomField, Person, Tag
from groundswell.people.profile import PersonPage, custom_values, person_page
from groundswell.people.queries import get_person_for_user


@personal_data_view
@require_http_methods(["GET"])
def person_detail(request: HttpRequest, person_id: int) -> HttpResponse:
    return render(
        request, "people/detail.html", _page_context(person_page(request.user, person_id))
    )


def _page_context(page: PersonPage) -> dict[str, Any]:
    return {
        "page": page,
        "person": page.person,
        "notes": page.notes,
        "note_form": NoteForm(),
        "consent_form": ConsentForm(),
        **_tags_context(page.person, page.tags),
        **_custom_context(page.person),
    }


def _tags_context(person: Person, tags: list[Tag], form: TagForm | None = None) -> dict[str, Any]:
    known = Tag.objects.exclude(pk__in=[t.pk for t in tags]).values_list("name", flat=True)
    return {
        "person": person,
        "tags": tags,
        "tag_form": form or TagForm(),
        "known_tags": known[:500],
    }


def _custom_context(person: Person, form: CustomValuesForm | None = None) -> dict[str, Any]:
    definitions = list(CustomField.objects.all())
    form = form or CustomValuesForm(definitions=definitions, values=person.custom_fields)
    return {"person": person, "custom_values": custom_values(person), "custom_form": form}


def _section(
    request: HttpRequest, person: Person, name: str, context: dict[str, Any]
) -> HttpResponse:
    if request.htmx:  # type: ignore[attr-defined]
        return render(request, f"people/detail.html#{name}", context)
    for form in (v for v in context.values() if hasattr(v, "errors")):
        for error in form.errors.values():
            messages.error(request, " ".join(error))
    return redirect("people:detail", person.pk)


@personal_data_view
@require_POST
def add_note(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request.user, person_id)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            actions.add_note(person, request.user, form.cleaned_data["text"])
            form = NoteForm()
        except ValidationError as exc:
            form.add_error("text", exc)
    notes = list(person.notes.select_related("author"))
    return _section(request, person, "notes", {"person": person, "notes": notes, "note_form": form})


@personal_data_view
@require_POST
def add_tag(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request.user, person_id)
    form = TagForm(request.POST)
    if form.is_valid():
        try:
            actions.add_tag(person, form.cleaned_data["name"], actor=request.user)
            form = TagForm()
        except ValidationError as exc:
            form.add_error("name", exc)
    return _section(request, person, "tags", _tags_context(person, list(person.tags.all()), form))


@personal_data_view
@require_POST
def remove_tag(request: HttpRequest, person_id: int, tag_id: int) -> HttpResponse:
    person = get_person_for_user(request.user, person_id)
    actions.remove_tag(person, get_object_or_404(person.tags, pk=tag_id), actor=request.user)
    return _section(request, person, "tags", _tags_context(person, list(person.tags.all())))


@personal_data_view
@require_POST
def edit_custom_fields(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request.user, person_id)
    definitions = list(CustomField.objects.all())
    form = CustomValuesForm(request.POST, definitions=definitions, values=person.custom_fields)
    if form.is_valid():
        try:
            actions.set_custom_fields(person, form.cleaned_data, actor=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return _section(request, person, "custom_fields", _custom_context(person))
    return _section(request, person, "custom_fields", _custom_context(person, form))


@personal_data_view
@require_POST
def record_consent(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request.user, person_id)
    form = ConsentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        actions.record_consent(
            person, data["channel"], data["granted"], data["method"], request.user
        )
        messages.success(request, "Consent recorded.")
    else:
        messages.error(
            request, "Consent not recorded: choose a channel, given or withdrawn, and say how."
        )
    return redirect("people:detail", person.pk)


@personal_data_view
@require_http_methods(["GET", "POST"])
def edit_person(request: HttpRequest, person_id: int) -> HttpResponse:
    person = get_person_for_user(request.user, person_id)
    # The form works on a copy: a ModelForm writes into its instance while validating, and the
    # action must see the old values to record what changed.
    form = PersonForm(request.POST or None, instance=copy.copy(person))
    if form.is_valid() and _save_person(request, person, form):
        messages.success(request, "Details saved.")
        return redirect("people:detail", person.pk)
    context = {"person": person, "form": form}
    return render(request, "people/edit.html", context, status=400 if form.errors else 200)


def _save_person(request: HttpRequest, person: Person, form: PersonForm) -> bool:
    data = form.cleaned_data
    changes = {name: data[name] for name in actions.EDITABLE_FIELDS if name in data}
    try:
        with transaction.atomic():
            actions.update_person(person, changes, actor=request.user, location=form.location)
            _add_contact(form, "new_email", actions.add_email, person, request.user)
            _add_contact(form, "new_phone", actions.add_phone, person, request.user)
    except ValidationError:
        return False
    return True


def _add_contact(form: PersonForm, name: str, add: Any, person: Person, actor: Any) -> None:
    if not form.cleaned_data.get(name):
        return
    try:
        add(person, form.cleaned_data[name], actor=actor)
    except ValidationError as exc:
        form.add_error(name, exc)
        raise  # undo the whole edit
