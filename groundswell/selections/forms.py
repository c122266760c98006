"""The selection's forms. They check shape only; the actions decide what is allowed."""

from typing import Any

from django import forms

from groundswell.selections.models import Stage, VotingMethod

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _when(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, widget=DATETIME)


class SelectionForm(forms.Form):
    post = forms.CharField(label="Post", max_length=200,
                           help_text="For example: Parliamentary candidate, Glasgow East.")  # fmt: skip
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                  max_length=5000)  # fmt: skip
    group = forms.TypedChoiceField(label="Who takes part", coerce=int, empty_value=None,
                                   required=False)  # fmt: skip
    seats = forms.IntegerField(label="Seats to fill", min_value=1, max_value=50, initial=1)
    method = forms.ChoiceField(label="Ballot method", choices=VotingMethod.choices)
    nominations_open = _when("Nominations open")
    nominations_close = _when("Nominations close")
    nominators_required = forms.IntegerField(label="Nominators required", min_value=0,
                                             max_value=1000, initial=5)  # fmt: skip

    def __init__(self, group_choices: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = group_choices  # type: ignore[attr-defined]


class StandForm(forms.Form):
    statement = forms.CharField(
        label="Your statement to members", max_length=10_000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="Why you are standing and what you would do. Members read this before they vote.",
    )  # fmt: skip


class DecisionForm(forms.Form):
    stage = forms.ChoiceField(label="Stage", choices=Stage.choices)
    decision = forms.ChoiceField(
        label="Decision", widget=forms.RadioSelect,
        choices=[("include", "Include"), ("exclude", "Do not include")],
    )  # fmt: skip
    reason = forms.CharField(label="Reason (the candidate sees it)", max_length=5000,
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class PanelForm(forms.Form):
    email = forms.EmailField(label="Panel member's email address", max_length=254)


class HustingsForm(forms.Form):
    start = _when("Starts")
    end = _when("Ends")
    capacity = forms.IntegerField(label="Places", min_value=1, max_value=100_000, initial=100)
    venue = forms.CharField(max_length=200, required=False)
    postal_code = forms.CharField(label="Postcode", max_length=10, required=False)
    online_url = forms.URLField(label="Online link", max_length=200, required=False,
                                assume_scheme="https")  # fmt: skip


class BallotTimesForm(forms.Form):
    cut_off = _when("Electorate cut-off")
    opens_at = _when("Voting opens")
    closes_at = _when("Voting closes")
