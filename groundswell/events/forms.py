"""Forms for the event pages: a guest signing up, and organisers creating or editing an event with
its shifts (dates and times typed in Europe/London)."""

from datetime import UTC, date, datetime, time
from typing import Any, cast
from zoneinfo import ZoneInfo

from django import forms
from django.conf import settings
from django.db.models import QuerySet

from groundswell.accounts.forms import CONSENT_LABELS, checked_phone, located
from groundswell.events.actions import Guest, ShiftEdit, ShiftSpec
from groundswell.events.models import Event, EventKind, Visibility
from groundswell.geo.queries import Location
from groundswell.groups.models import Group
from groundswell.people.contact import ContactError, Phone, normalise_email
from groundswell.people.models import Channel

CONSENT_HELP = "Tick only what you want. Every email and text we send has a link to stop them."

__all__ = ["CONSENT_HELP", "EventForm", "GuestRsvpForm", "ShiftFormSet", "shift_formset"]


class GuestRsvpForm(forms.Form):
    """Signing up without an account: a name, an email and/or a mobile, a postcode, consent."""

    given_name = forms.CharField(max_length=150, label="First name")
    family_name = forms.CharField(max_length=150, required=False, label="Last name (optional)")
    email = forms.CharField(
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        help_text="We send your confirmation here, with a link to cancel.",
    )
    mobile = forms.CharField(
        max_length=30,
        required=False,
        label="Mobile number",
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        help_text="An email address, a mobile number, or both.",
    )
    postcode = forms.CharField(
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}
        ),
    )
    consent_email = forms.BooleanField(required=False, label=CONSENT_LABELS[Channel.EMAIL])
    consent_sms = forms.BooleanField(required=False, label=CONSENT_LABELS[Channel.SMS])

    def clean_given_name(self) -> str:
        return str(self.cleaned_data["given_name"]).strip()

    def clean_family_name(self) -> str:
        return str(self.cleaned_data["family_name"]).strip()

    def clean_email(self) -> str:
        text = str(self.cleaned_data["email"])
        if not text.strip():
            return ""
        try:
            return normalise_email(text)
        except ContactError as exc:
            raise forms.ValidationError(str(exc)) from exc

    def clean_mobile(self) -> Phone | None:
        phone: Phone | None = checked_phone(self.cleaned_data["mobile"])
        if phone is not None and phone.number_type != "mobile":
            raise forms.ValidationError(
                "That looks like a landline: please give a mobile number, or leave it blank."
            )
        return phone

    def clean_postcode(self) -> Location:
        return located(self.cleaned_data["postcode"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        has_email, has_mobile = bool(data.get("email")), data.get("mobile") is not None
        typed = {name: bool(str(self.data.get(name, "")).strip()) for name in ("email", "mobile")}
        if not (has_email or has_mobile or any(typed.values())):
            self.add_error("email", "Please give an email address or a mobile number.")
        if data.get("consent_email") and not has_email and not self.has_error("email"):
            self.add_error("email", "To get emails, please give an email address.")
        if data.get("consent_sms") and not has_mobile and not self.has_error("mobile"):
            self.add_error("mobile", "To get texts, please give a mobile number.")
        return data

    @property
    def contact(self) -> str:
        """What the sign-up throttle counts against: the email, else the mobile."""
        phone = self.cleaned_data.get("mobile")
        return str(self.cleaned_data.get("email") or (phone.number if phone else ""))

    def guest(self) -> Guest:
        data = self.cleaned_data
        return Guest(
            given_name=data["given_name"],
            family_name=data["family_name"],
            email=data["email"],
            phone=data["mobile"],
            location=data["postcode"],
            consents={
                Channel.EMAIL: bool(data["consent_email"]),
                Channel.SMS: bool(data["consent_sms"]),
            },
        )


class EventForm(forms.Form):
    """The event's own details. `groups` are those the user may host for; national roles may
    also leave the group blank."""

    title = forms.CharField(max_length=200)
    kind = forms.ChoiceField(choices=EventKind.choices, label="What kind of event")
    host_group = forms.ModelChoiceField(
        queryset=Group.objects.none(), required=False, label="Hosted by"
    )
    visibility = forms.ChoiceField(
        choices=Visibility.choices,
        label="Who can see it",
        initial=Visibility.PUBLIC,
        help_text="“Members of the hosting group” needs a hosting group.",
    )
    description = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Everyone who can see the event reads this.",
    )
    venue = forms.CharField(max_length=200, required=False)
    address = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One line per line of the address.",
    )
    locality = forms.CharField(max_length=100, required=False, label="Town or city")
    postcode = forms.CharField(
        max_length=16,
        required=False,
        widget=forms.TextInput(attrs={"autocapitalize": "characters"}),
        help_text="Places the event on the map. Leave blank for an online event.",
    )
    online_url = forms.URLField(
        required=False,
        max_length=200,
        label="Online link",
        assume_scheme="https",
        help_text="Only people with a place see it.",
    )
    instructions = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only people who signed up see these: where to meet, what to bring.",
    )
    contact_name = forms.CharField(max_length=150, required=False, label="Contact name")
    contact_email = forms.EmailField(max_length=254, required=False, label="Contact email")

    def __init__(
        self,
        *args: Any,
        groups: QuerySet[Group] | None = None,
        group_required: bool = True,
        proposal_groups: set[int] | None = None,
        **kwargs: Any,
    ) -> None:
        """`proposal_groups`: the groups for which the event would be a proposal awaiting approval
        (the user is a member, not an organiser), so the choice can say so."""
        super().__init__(*args, **kwargs)
        if groups is None:  # editing: the hosting group stays as it is
            del self.fields["host_group"]
            return
        field: Any = self.fields["host_group"]
        field.queryset = groups
        field.required = group_required
        field.empty_label = "Choose a group" if group_required else "No group: a national event"
        proposals = proposal_groups or set()
        field.label_from_instance = lambda group: (
            f"{group.name} (a proposal: its organisers approve it)"
            if group.pk in proposals
            else group.name
        )

    def clean_postcode(self) -> str:
        text = str(self.cleaned_data["postcode"]).strip()
        if text:
            located(text)  # a clear message now, beside the field
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("postcode") and not data.get("online_url") and not self.errors:
            self.add_error("postcode", "Give a postcode for the place, or an online link.")
        return data

    def event_fields(self) -> dict[str, Any]:
        """The keyword arguments create_event and update_event take."""
        data = self.cleaned_data
        fields = {
            name: data[name]
            for name in ("title", "kind", "visibility", "description", "venue", "locality",
                         "online_url", "instructions", "contact_name", "contact_email")
        }  # fmt: skip
        fields["address_lines"] = data["address"]
        fields["postal_code"] = data["postcode"]
        if "host_group" in self.fields:
            fields["host_group"] = data["host_group"]
        return fields

    @classmethod
    def initial_for(cls, event: Event) -> dict[str, Any]:
        names = ("title", "kind", "visibility", "description", "venue", "locality", "online_url",
                 "instructions", "contact_name", "contact_email")  # fmt: skip
        initial = {name: getattr(event, name) for name in names}
        initial["address"] = "\n".join(event.address_lines)
        initial["postcode"] = event.postal_code
        return initial


LONDON = ZoneInfo(settings.TIME_ZONE)


def local_datetime(day: date, at: time) -> datetime:
    """The aware time in Europe/London, or a ValidationError for a time the clocks skip."""
    moment = datetime.combine(day, at, tzinfo=LONDON)
    if moment.astimezone(UTC).astimezone(LONDON).replace(tzinfo=None) != moment.replace(
        tzinfo=None
    ):
        raise forms.ValidationError(
            f"{at:%H:%M} does not exist on {day:%-d %B}: the clocks go forward. Choose another time."
        )
    return moment


class ShiftForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)
    day = forms.DateField(
        label="Date", widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start = forms.TimeField(
        label="Starts", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    end = forms.TimeField(
        label="Ends", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    capacity = forms.IntegerField(
        label="Places",
        min_value=1,
        max_value=100_000,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        data["start_at"] = local_datetime(data["day"], data["start"])
        data["end_at"] = local_datetime(data["day"], data["end"])
        if data["end_at"] <= data["start_at"]:
            self.add_error("end", "A shift must end after it starts (on the same day).")
        return data


class BaseShiftFormSet(forms.BaseFormSet):  # type: ignore[type-arg]
    def clean(self) -> None:
        if any(self.errors):
            return
        if not self.filled_forms():
            raise forms.ValidationError(
                "Add at least one shift: a date, a start and end time, and the number of places."
            )

    def filled_forms(self) -> list[ShiftForm]:
        """The rows to act on: every existing shift's row, and the new rows someone filled in."""
        existing = self.initial_form_count()
        return [
            form
            for i, form in enumerate(self.forms)
            if form.cleaned_data and (i < existing or form.has_changed())
        ]

    def specs(self) -> list[ShiftSpec]:
        """For create_event: (start, end, capacity) per filled row."""
        return [
            (f.cleaned_data["start_at"], f.cleaned_data["end_at"], f.cleaned_data["capacity"])
            for f in self.filled_forms()
        ]

    def edits(self) -> list[ShiftEdit]:
        """For update_event: (shift id or None, start, end, capacity) per filled row."""
        return [
            (
                f.cleaned_data["id"],
                f.cleaned_data["start_at"],
                f.cleaned_data["end_at"],
                f.cleaned_data["capacity"],
            )
            for f in self.filled_forms()
        ]


ShiftFormSet = forms.formset_factory(
    ShiftForm, formset=BaseShiftFormSet, extra=3, max_num=50, validate_max=True, absolute_max=60
)


def shift_formset(data: Any = None, event: Event | None = None) -> BaseShiftFormSet:
    """Three blank rows for a new event; an event's shifts (in local time) and two blank rows."""
    if event is None:
        return cast(BaseShiftFormSet, ShiftFormSet(data, prefix="shifts"))
    initial = []
    for shift in event.shifts.all():
        start, end = (s.astimezone(LONDON) for s in (shift.start, shift.end))
        initial.append(
            {
                "id": shift.pk,
                "day": start.date(),
                "start": start.time(),
                "end": end.time(),
                "capacity": shift.capacity,
            }
        )
    formset_class = forms.formset_factory(
        ShiftForm, formset=BaseShiftFormSet, extra=2, max_num=50, validate_max=True, absolute_max=60
    )
    return cast(BaseShiftFormSet, formset_class(data, prefix="shifts", initial=initial))
