"""Forms for the people pages: list filters, editing a person, notes, tags, consent, custom fields."""

from typing import Any

from django import forms
from django.core.cache import cache
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from groundswell.geo.models import Constituency
from groundswell.geo.queries import LocationError, locate
from groundswell.groups.models import Group
from groundswell.people.actions import EDITABLE_FIELDS
from groundswell.people.contact import ContactError, normalise_email, normalise_phone
from groundswell.people.custom_values import TEXT_MAX, CustomValueError, clean_custom_value
from groundswell.people.models import Channel, CustomField, MembershipStatus, Person, Tag
from groundswell.people.queries import groups_visible_to

DISTANCES = [(1, "1 km"), (2, "2 km"), (5, "5 km"), (10, "10 km"), (25, "25 km"), (50, "50 km")]
PAGE_SIZES = [(25, "25"), (50, "50"), (100, "100")]
FILTER_KEYS = ("q", "tag", "group", "status", "constituency", "postcode", "km")


class QuickSelect(forms.Select):
    """A select built in Python: Django renders each option through a template, which takes tens of
    milliseconds for 650 constituencies, on a page that must answer in well under 150 ms."""

    def __init__(self, attrs: Any = None, choices: Any = (), default: str = "") -> None:
        super().__init__(attrs, choices)
        self.default = default  # shown selected when the request does not say

    def render(self, name: str, value: Any, attrs: Any = None, renderer: Any = None) -> SafeString:
        chosen = set(self.format_value(value)) - {""} or {self.default}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (str(key), " selected" if str(key) in chosen else "", label)
                for key, label in self.choices
            ),
        )
        final = flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name}))
        return format_html("<select{}>{}</select>", final, options)


def constituency_choices() -> list[tuple[str, str]]:
    """(code, name) of every constituency, cached: they change only when the geography is reloaded."""
    choices: list[tuple[str, str]] | None = cache.get("people:constituency_choices")
    if choices is None:
        choices = list(Constituency.objects.order_by("name").values_list("code", "name"))
        cache.set("people:constituency_choices", choices, 600)
    return [("", "Any constituency"), *choices]


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label="Name or email", required=False, max_length=100)
    tag = forms.ModelChoiceField(
        Tag.objects.only("id", "name"),
        to_field_name="name",
        required=False,
        empty_label="Any tag",
        widget=QuickSelect,
    )
    group = forms.ModelChoiceField(
        Group.objects.none(), required=False, empty_label="Any group", widget=QuickSelect
    )
    status = forms.ChoiceField(
        label="Membership",
        choices=[("", "Any status"), *MembershipStatus.choices],
        required=False,
        widget=QuickSelect,
    )
    constituency = forms.ChoiceField(
        choices=constituency_choices, required=False, widget=QuickSelect
    )
    postcode = forms.CharField(label="Near postcode", required=False, max_length=16)
    km = forms.TypedChoiceField(
        label="Within",
        choices=DISTANCES,
        coerce=int,
        required=False,
        empty_value=5,  # type: ignore[arg-type]
        widget=QuickSelect(default="5"),
    )
    per_page = forms.TypedChoiceField(
        label="Per page",
        choices=PAGE_SIZES,
        coerce=int,
        required=False,
        empty_value=50,  # type: ignore[arg-type]
        widget=QuickSelect(default="50"),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["group"]
        field.queryset = groups_visible_to(user).only("id", "name")

    def clean_constituency(self) -> int | None:
        code = self.cleaned_data["constituency"]
        return (
            Constituency.objects.filter(code=code).values_list("pk", flat=True).first()
            if code
            else None
        )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if cleaned.get("postcode"):
            cleaned["location"] = self._locate(cleaned["postcode"])
        return cleaned

    def _locate(self, text: str) -> Any:
        try:
            location = locate(text)
        except LocationError as exc:
            self.add_error("postcode", _with_suggestion(exc))
            return None
        if location.lat is None:
            self.add_error(
                "postcode", f"{location.postal_code or text} has no position to measure from."
            )
            return None
        return location

    def active_filters(self) -> dict[str, str]:
        """The filters as typed (for the export's audit record and for links)."""
        data = self.data if self.is_bound else {}
        return {key: str(data[key]) for key in FILTER_KEYS if data.get(key)}


def _with_suggestion(exc: LocationError) -> str:
    suggestion = getattr(exc, "suggestion", None)
    message = str(exc)
    if suggestion and suggestion not in message:
        message = f"{message} Did you mean {suggestion}?"
    return message


class PersonForm(forms.ModelForm[Person]):
    """Editing a person's details. A new email or phone is added alongside the ones already held."""

    new_email = forms.CharField(label="Add an email address", required=False, max_length=254)
    new_phone = forms.CharField(label="Add a phone number", required=False, max_length=30)

    class Meta:
        model = Person
        fields = list(EDITABLE_FIELDS)
        widgets = {
            "address_lines": forms.Textarea(attrs={"rows": 3}),
            "member_since": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.location: Any = None

    def clean_postal_code(self) -> str:
        text = str(self.cleaned_data["postal_code"]).strip()
        if text:
            try:
                location = locate(text)
            except LocationError as exc:
                raise forms.ValidationError(_with_suggestion(exc)) from None
            self.location = location
            return location.postal_code or text.upper()
        return text

    def clean_new_email(self) -> Any:
        return optional_contact(normalise_email, self.cleaned_data["new_email"])

    def clean_new_phone(self) -> Any:
        return optional_contact(normalise_phone, self.cleaned_data["new_phone"])


def optional_contact(normalise: Any, text: str) -> Any:
    """A contact detail typed in a form: None when blank, normalised, or a form error saying why."""
    if not text.strip():
        return None
    try:
        return normalise(text)
    except ContactError as exc:
        raise forms.ValidationError(str(exc)) from None


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Add a note", widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )


class TagForm(forms.Form):
    name = forms.CharField(label="Add a tag", max_length=100)


class ConsentForm(forms.Form):
    channel = forms.ChoiceField(choices=Channel.choices)
    granted = forms.TypedChoiceField(
        label="Consent",
        choices=[("yes", "Given"), ("no", "Withdrawn")],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
    method = forms.CharField(label="How (e.g. on the phone, at a meeting)", max_length=60)


class CustomFieldDefinitionForm(forms.Form):
    key = forms.SlugField(max_length=60, help_text="Letters, numbers, - and _; used in imports.")
    label = forms.CharField(max_length=100)
    kind = forms.ChoiceField(choices=CustomField.Kind.choices)
    choices = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="For a choice field: one choice per line.",
    )
    help_text = forms.CharField(required=False, max_length=200)

    def clean_choices(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["choices"].splitlines() if line.strip()]


class CustomValuesForm(forms.Form):
    """One input per defined custom field; the values are checked by kind in actions.set_custom_fields."""

    def __init__(
        self, *args: Any, definitions: list[CustomField], values: dict[str, Any], **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self.definitions = definitions
        for definition in definitions:
            self.fields[definition.key] = _value_field(definition)
            self.initial[definition.key] = _initial(values.get(definition.key))

    def clean(self) -> dict[str, Any]:
        # Checked here as well as in the action so every bad value is reported at once.
        cleaned = super().clean() or {}
        for d in self.definitions:
            if d.key in cleaned:
                try:
                    clean_custom_value(d.kind, cleaned[d.key], d.choices, d.label)
                except CustomValueError as exc:
                    self.add_error(d.key, str(exc))
        return cleaned


def _value_field(definition: CustomField) -> forms.Field:
    common: dict[str, Any] = {
        "label": definition.label,
        "required": False,
        "help_text": definition.help_text,
    }
    if definition.kind == "choice":
        return forms.ChoiceField(
            choices=[("", "—"), *[(c, c) for c in definition.choices]], **common
        )
    if definition.kind == "yes_no":
        return forms.ChoiceField(choices=[("", "—"), ("yes", "Yes"), ("no", "No")], **common)
    widget = {
        "date": forms.DateInput(attrs={"type": "date"}),
        "number": forms.TextInput(attrs={"inputmode": "decimal"}),
    }.get(definition.kind, forms.TextInput())
    return forms.CharField(widget=widget, max_length=TEXT_MAX, **common)


def _initial(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return "" if value is None else str(value)
