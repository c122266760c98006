"""Forms: the national organisers' target forms (the public finder reads its query in finder_query.py)."""

from typing import Any

from django import forms

from groundswell.geo.models import Constituency
from groundswell.targets.actions import DEFAULT_WEEKLY_GOAL, MAX_WEEKLY_GOAL
from groundswell.targets.models import Priority

MAX_SEATS = 650


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
