"""What organisers add to a record: notes, tags and custom field values (and the fields' definitions)."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from groundswell.people.actions.records import add_history
from groundswell.people.custom_values import CustomValueError, clean_custom_value
from groundswell.people.models import (
    CustomField,
    Note,
    Person,
    Tag,
)

NOTE_MAX = 5000


def add_note(person: Person, author: Any, text: str) -> Note:
    text = text.strip()
    if not text:
        raise ValidationError("A note cannot be empty.")
    if len(text) > NOTE_MAX:
        raise ValidationError(f"A note can be at most {NOTE_MAX} characters.")
    return Note.objects.create(person=person, author=author, text=text)


def clean_tag_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise ValidationError("A tag needs a name.")
    if len(cleaned) > 100:
        raise ValidationError("A tag name can be at most 100 characters.")
    return cleaned


def add_tag(person: Person, name: str, *, actor: Any) -> Tag:
    """Tag a person, creating the tag if nobody has used it yet (matched case-insensitively)."""
    cleaned = clean_tag_name(name)
    tag = Tag.objects.filter(name__iexact=cleaned).first() or Tag.objects.create(name=cleaned)
    if not person.tags.filter(pk=tag.pk).exists():
        person.tags.add(tag)
        add_history(person, "tagged", f"Tagged “{tag.name}”", actor)
    return tag


def remove_tag(person: Person, tag: Tag, *, actor: Any) -> None:
    if person.tags.filter(pk=tag.pk).exists():
        person.tags.remove(tag)
        add_history(person, "untagged", f"Tag “{tag.name}” removed", actor)


@transaction.atomic
def set_tags(person: Person, names: list[str], *, actor: Any) -> None:
    """Make the person's tags exactly these (creating new tags), recording each change."""
    wanted = {clean_tag_name(name).lower(): clean_tag_name(name) for name in names}
    for tag in list(person.tags.all()):
        if tag.name.lower() not in wanted:
            remove_tag(person, tag, actor=actor)
    for name in wanted.values():
        add_tag(person, name, actor=actor)


# --- Custom fields ---------------------------------------------------------------------------


def define_custom_field(
    key: str, label: str, kind: str, choices: list[str] | None = None, help_text: str = ""
) -> CustomField:
    """A new custom field. Choice fields need at least one choice, with no repeats."""
    choices = [c.strip() for c in choices or [] if c.strip()]
    if kind not in CustomField.Kind.values:
        raise ValidationError({"kind": f"“{kind}” is not a kind of field."})
    if CustomField.objects.filter(key=key).exists():
        raise ValidationError({"key": f"There is already a field with the key “{key}”."})
    if kind == CustomField.Kind.CHOICE and not choices:
        raise ValidationError({"choices": "A choice field needs at least one choice."})
    if len({c.lower() for c in choices}) != len(choices):
        raise ValidationError({"choices": "Each choice must be different."})
    field = CustomField(key=key, label=label.strip(), kind=kind, help_text=help_text)
    field.choices = choices if kind == CustomField.Kind.CHOICE else []
    field.full_clean()
    field.save()
    return field


def set_custom_fields(person: Person, values: Mapping[str, Any], *, actor: Any) -> list[str]:
    """Check every value against its field's kind and store them all, or raise ValidationError
    (keyed by field) and store none. A blank value removes the field. Returns the keys changed."""
    definitions = {f.key: f for f in CustomField.objects.filter(key__in=list(values))}
    cleaned, errors = {}, {}
    for key, raw in values.items():
        definition = definitions.get(key)
        if definition is None:
            errors[key] = f"There is no custom field “{key}”."
            continue
        try:
            cleaned[key] = clean_custom_value(
                definition.kind, raw, definition.choices, definition.label
            )
        except CustomValueError as exc:
            errors[key] = str(exc)
    if errors:
        raise ValidationError(errors)
    return _store_custom_values(person, cleaned, actor)


def _store_custom_values(person: Person, cleaned: dict[str, Any], actor: Any) -> list[str]:
    stored = dict(person.custom_fields)
    for key, value in cleaned.items():
        if value is None:
            stored.pop(key, None)
        else:
            stored[key] = value
    changed = sorted(k for k in cleaned if stored.get(k) != person.custom_fields.get(k))
    if changed:
        person.custom_fields = stored
        person.save(update_fields=["custom_fields", "modified_at"])
        add_history(person, "updated", f"Custom fields edited: {', '.join(changed)}", actor)
    return changed


# --- Exports ---------------------------------------------------------------------------------
