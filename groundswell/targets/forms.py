"""Forms: the public finder (postcode and ordering), and the national organisers' target forms."""

from typing import Any

from django import forms

from groundswell.geo.models import Constituency
from groundswell.geo.queries import LocationError
from groundswell.targets.actions import DEFAULT_WEEKLY_GOAL, MAX_WEEKLY_GOAL
from groundswell.targets.finder import MOST_NEEDED, NEAREST
from groundswell.targets.models import Priority
from groundswell.targets.placing import volunteer_place

ORDERS = [(NEAREST, "Nearest first"), (MOST_NEEDED, "Where I'm most needed")]
SHOW = [(5, "5"), (10, "10"), (20, "20")]
MAX_SEATS = 650


class FinderForm(forms.Form):
    postcode = forms.CharField(
        max_length=16,
        label="Your postcode",
        error_messages={
            "required": "Enter your postcode, e.g. SW1A 1AA.",
            "max_length": "That is too long for a postcode: enter one like SW1A 1AA.",
        },
        widget=forms.TextInput(
            attrs={"autocomplete": "postal-code", "autocapitalize": "characters"}
        ),
    )
    order = forms.ChoiceField(
        choices=ORDERS,
        required=False,
        initial=NEAREST,
        widget=forms.RadioSelect,
        label="Show me",
        error_messages={"invalid_choice": "Choose 'Nearest first' or 'Where I'm most needed'."},
    )
    show = forms.TypedChoiceField(
        choices=SHOW,
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "We can show 5, 10 or 20 seats."},
    )

    suggestion: str | None = None

    def clean_postcode(self) -> str:
        try:
            shown, place = volunteer_place(self.cleaned_data["postcode"].strip())
        except LocationError as exc:
            self.suggestion = exc.suggestion
            raise forms.ValidationError(str(exc)) from exc
        self.cleaned_data["place"] = place
        return shown

    def clean_show(self) -> int:
        return self.cleaned_data["show"] or SHOW[0][0]

    def clean_order(self) -> str:
        return self.cleaned_data["order"] or NEAREST


class TargetForm(forms.Form):
    priority = forms.TypedChoiceField(choices=Priority.choices, coerce=int)
    weekly_goal = forms.IntegerField(
        min_value=1, max_value=MAX_WEEKLY_GOAL, label="Sign-ups wanted per week"
    )
    active = forms.BooleanField(required=False)
    notes = forms.CharField(
        required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class AddTargetForm(forms.Form):
    seat = forms.ModelChoiceField(
        queryset=Constituency.objects.all(),
        error_messages={"invalid_choice": "That seat does not exist: search for it again."},
    )
    priority = forms.TypedChoiceField(choices=Priority.choices, coerce=int, initial=Priority.HIGH)
    weekly_goal = forms.IntegerField(
        min_value=1, max_value=MAX_WEEKLY_GOAL, initial=DEFAULT_WEEKLY_GOAL
    )


class SeatsField(forms.ModelMultipleChoiceField):
    """Refuses an absurdly long list before it reaches the database."""

    def clean(self, value: Any) -> Any:
        if value and len(value) > MAX_SEATS:
            raise forms.ValidationError(f"Adopt at most {MAX_SEATS} seats at once.")
        return super().clean(value)


class AdoptForm(forms.Form):
    seats = SeatsField(
        queryset=Constituency.objects.all(),
        error_messages={
            "required": "Tick at least one seat to adopt.",
            "invalid_choice": "One of the seats does not exist: reload the page and try again.",
            "invalid_pk_value": "One of the seats does not exist: reload the page and try again.",
        },
    )
    weekly_goal = forms.IntegerField(
        min_value=1,
        max_value=MAX_WEEKLY_GOAL,
        initial=DEFAULT_WEEKLY_GOAL,
        label="Sign-ups wanted per week, for each seat",
    )
