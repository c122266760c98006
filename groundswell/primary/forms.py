"""The primary's forms. They check shape only; the actions decide what is allowed."""

from typing import Any

from django import forms

from groundswell.primary.models import Primary, Proposal, ThresholdKind, VotingMethod

DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


def _when(label: str) -> forms.DateTimeField:
    return forms.DateTimeField(label=label, widget=DATETIME)


class PrimaryForm(forms.Form):
    title = forms.CharField(max_length=200)
    description = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False,
                                  max_length=5000)  # fmt: skip
    group = forms.TypedChoiceField(label="Who takes part", coerce=int, empty_value=None,
                                   required=False)  # fmt: skip
    opens_at = _when("Submissions open")
    closes_at = _when("Submissions close")
    categories = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}), max_length=1300,
        help_text="One category a line, for example Economy, Housing, Climate.",
    )  # fmt: skip
    threshold_kind = forms.ChoiceField(label="Support threshold as", choices=ThresholdKind.choices)
    threshold_value = forms.IntegerField(label="Threshold", min_value=1, max_value=1_000_000)
    method = forms.ChoiceField(label="Shortlist ballot method", choices=VotingMethod.choices)
    winners = forms.IntegerField(
        label="Number of winners", min_value=1, max_value=50, initial=1,
        help_text="How many proposals become motions (instant runoff always elects one).",
    )  # fmt: skip

    def __init__(self, group_choices: list[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["group"].choices = group_choices  # type: ignore[attr-defined]

    def category_list(self) -> tuple[str, ...]:
        return tuple(line.strip() for line in self.cleaned_data["categories"].splitlines())


class ProposalForm(forms.Form):
    title = forms.CharField(max_length=200)
    category = forms.ChoiceField()
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)

    def __init__(self, primary: Primary, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [(c, c) for c in primary.categories]  # type: ignore[attr-defined]


class HideForm(forms.Form):
    reason = forms.CharField(label="Reason the author will see", max_length=2000,
                             widget=forms.Textarea(attrs={"rows": 2}))  # fmt: skip


class CompositeForm(forms.Form):
    first = forms.TypedChoiceField(label="First proposal", coerce=int)
    second = forms.TypedChoiceField(label="Second proposal", coerce=int)
    title = forms.CharField(label="Composite title", max_length=200)
    category = forms.ChoiceField()
    text = forms.CharField(label="Composite text", widget=forms.Textarea(attrs={"rows": 8}),
                           max_length=20_000)  # fmt: skip

    def __init__(self, primary: Primary, proposals: list[Proposal], *args: Any, **kw: Any) -> None:
        super().__init__(*args, **kw)
        choices = [(p.pk, f"{p.title} ({p.author})") for p in proposals]
        self.fields["first"].choices = choices  # type: ignore[attr-defined]
        self.fields["second"].choices = choices  # type: ignore[attr-defined]
        self.fields["category"].choices = [(c, c) for c in primary.categories]  # type: ignore[attr-defined]


class BallotTimesForm(forms.Form):
    cut_off = _when("Electorate cut-off")
    opens_at = _when("Voting opens")
    closes_at = _when("Voting closes")
