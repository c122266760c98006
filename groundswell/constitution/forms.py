"""The constitution forms: a new document, an amendment, and the times of the amendments' ballot.
Forms check shape only; the actions decide what is allowed."""

from typing import Any

from django import forms

from groundswell.constitution.actions import DocumentSpec
from groundswell.constitution.models import Kind
from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.democracy.actions import Times
from groundswell.democracy.models import Threshold
from groundswell.groups.models import Group

UK_TIME = "UK time (Europe/London)"


def _when(label: str, help_text: str = "") -> forms.DateTimeField:
    return forms.DateTimeField(
        label=f"{label}, {UK_TIME}",
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class DocumentForm(forms.Form):
    title = forms.CharField(max_length=200)
    owner = forms.ChoiceField(label="Who amends it")
    threshold = forms.ChoiceField(
        label="Majority an amendment needs", choices=Threshold.choices, initial=Threshold.TWO_THIRDS
    )
    seconders_required = forms.IntegerField(
        label="Seconders each amendment needs", min_value=0, max_value=100, initial=2
    )
    amendments_open = _when("Amendments open")
    amendments_close = _when("Amendments close", "Then you can put seconded amendments to a vote.")
    text = forms.CharField(
        label="The text",
        widget=forms.Textarea(attrs={"rows": 12}),
        max_length=500_000,
        help_text="One clause per paragraph, with a blank line between clauses. Any numbering you "
        "type (1., 2), Clause 3:) is replaced by ours.",
    )

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        groups = Group.objects.filter(is_active=True).order_by("name")
        if not sees_everyone(user):
            groups = groups.filter(pk__in=organised_group_ids(user))
        choices: list[tuple[str, str]] = [("", "Choose")]
        if sees_everyone(user):
            choices.append(("national", "All members (a national document)"))
        choices += [(str(g.pk), g.name) for g in groups]
        owner: Any = self.fields["owner"]
        owner.choices = choices
        self._groups = {str(g.pk): g for g in groups}

    def spec(self) -> DocumentSpec:
        data = self.cleaned_data
        return DocumentSpec(
            title=data["title"], text=data["text"], threshold=data["threshold"],
            seconders_required=data["seconders_required"], group=self._groups.get(data["owner"]),
            amendments_open=data["amendments_open"], amendments_close=data["amendments_close"],
        )  # fmt: skip


class AmendmentForm(forms.Form):
    kind = forms.ChoiceField(label="What to do", choices=Kind.choices, widget=forms.RadioSelect)
    text = forms.CharField(
        label="New text",
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="The clause as it should read (to replace it), or the new clause (to insert). "
        "Leave blank to delete.",
    )
    reason = forms.CharField(label="Why", max_length=5000, widget=forms.Textarea(attrs={"rows": 4}))


class BallotTimesForm(forms.Form):
    cut_off = _when("Cut-off", "Who may vote is decided as things stand at this moment.")
    opens_at = _when("Voting opens")
    closes_at = _when("Voting closes")

    def times(self) -> Times:
        data = self.cleaned_data
        return Times(data["cut_off"], data["opens_at"], data["closes_at"])


class WindowForm(forms.Form):
    amendments_open = _when("Amendments open")
    amendments_close = _when("Amendments close")
