"""The organiser's form for setting up a ballot: its details, who votes, its times (typed in UK time)
and a few question blocks, of which the empty ones are ignored. It builds what create_ballot takes."""

from datetime import datetime, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.democracy.actions import QuestionSpec, Times
from groundswell.democracy.models import Method, Threshold
from groundswell.groups.models import Group
from groundswell.searches.models import SavedSearch
from groundswell.searches.usable import searches_usable_by

MAX_OPTIONS = 50
FIRST_BLOCKS = 3  # question blocks shown at first; "Add another question" adds one at a time
MAX_BLOCKS = 10
# The electorate can only be frozen between the cut-off and the opening; the sweep runs every few
# minutes, so leave it time to (an equal cut-off and opening could never be frozen at all).
FREEZING_TIME = timedelta(minutes=10)
UK_TIME = "UK time (Europe/London)"


def _when(label: str, help_text: str) -> forms.DateTimeField:
    """A date and time typed in the movement's zone (Django reads naive input in TIME_ZONE and
    refuses a time the clocks skip or repeat)."""
    return forms.DateTimeField(
        label=f"{label}, {UK_TIME}",
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )


class BallotForm(forms.Form):
    """The ballot itself. `electorate` offers only what this user may choose: all members (national
    roles), the groups they organise (every active group for national roles), their saved searches."""

    title = forms.CharField(max_length=200)
    description = forms.CharField(
        required=False,
        label="Description (optional)",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Voters read this above the questions.",
    )
    electorate = forms.ChoiceField(label="Who votes")
    cut_off = _when(
        "Cut-off", "Who may vote is decided as things stand at this moment, then frozen."
    )
    opens_at = _when("Voting opens", "After the cut-off, leaving time to check the electorate.")
    closes_at = _when("Voting closes", "Results and papers are published at this moment.")

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        national = sees_everyone(user)
        groups = Group.objects.filter(is_active=True)
        if not national:
            groups = groups.filter(pk__in=organised_group_ids(user))
        searches = searches_usable_by(user).order_by("name", "pk")
        choices: list[Any] = [("", "Choose who votes")]
        if national:
            choices.append(("all", "All members"))
        group_choices = [(f"group-{g.pk}", g.name) for g in groups.order_by("name", "pk")]
        search_choices = [(f"search-{s.pk}", s.name) for s in searches]
        choices += [(label, options) for label, options in
                    (("A group's members", group_choices), ("A saved search", search_choices))
                    if options]  # fmt: skip
        field: Any = self.fields["electorate"]
        field.choices = choices
        self._groups, self._searches = groups, searches

    def clean_electorate(self) -> tuple[Group | None, SavedSearch | None]:
        """(group, search), at most one of them; the choice was already checked against the list."""
        kind, _, pk = str(self.cleaned_data["electorate"]).partition("-")
        if kind == "group":
            return self._groups.get(pk=pk), None
        if kind == "search":
            return None, self._searches.get(pk=pk)
        return None, None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        cut_off, opens, closes = (data.get(n) for n in ("cut_off", "opens_at", "closes_at"))
        if isinstance(opens, datetime):
            self._check_opening(cut_off, opens, closes)
        return data

    def _check_opening(self, cut_off: Any, opens: datetime, closes: Any) -> None:
        if isinstance(cut_off, datetime) and opens - cut_off < FREEZING_TIME:
            self.add_error(
                "opens_at",
                "Voting must open at least 10 minutes after the cut-off: the electorate is "
                "frozen in between.",
            )
        if isinstance(closes, datetime) and closes <= opens:
            self.add_error("closes_at", "Voting must close after it opens.")
        if opens <= timezone.now():
            self.add_error(
                "opens_at", "Voting must open in the future, so the electorate can be frozen first."
            )

    def ballot_arguments(self) -> dict[str, Any]:
        """The keyword arguments of create_ballot, less the user and the questions."""
        data = self.cleaned_data
        group, search = data["electorate"]
        times = Times(
            cut_off=data["cut_off"], opens_at=data["opens_at"], closes_at=data["closes_at"]
        )
        return {"title": data["title"], "description": data["description"], "times": times,
                "group": group, "search": search}  # fmt: skip


class QuestionForm(forms.Form):
    """One question block. A block left empty is skipped; one with anything typed must be complete."""

    text = forms.CharField(max_length=500, required=False, label="Question")
    method = forms.ChoiceField(
        choices=[("", "Choose a method"), *Method.choices], required=False, label="How to vote"
    )
    options = forms.CharField(
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        label="Options, one per line",
        help_text="Leave blank for a yes/no question.",
    )
    seats = forms.IntegerField(
        min_value=1,
        max_value=100,
        initial=1,
        required=False,
        label="Seats to fill (STV only)",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    threshold = forms.ChoiceField(
        choices=Threshold.choices,
        initial=Threshold.SIMPLE,
        required=False,
        label="Threshold (yes/no only)",
    )

    def is_blank(self) -> bool:
        """Nothing typed in the question, method or options: the block is skipped (the seats and
        threshold keep their defaults in an unused block)."""
        names = ("text", "method", "options")
        return not any(str(self.data.get(self.add_prefix(n), "")).strip() for n in names)

    def clean_options(self) -> tuple[str, ...]:
        lines = [line.strip() for line in str(self.cleaned_data["options"]).splitlines()]
        options = tuple(line for line in lines if line)
        if len(options) > MAX_OPTIONS:
            raise forms.ValidationError(f"At most {MAX_OPTIONS} options.")
        if any(len(o) > 200 for o in options):
            raise forms.ValidationError("Keep each option to 200 characters.")
        seen: set[str] = set()
        for option in options:
            if option.casefold() in seen:
                raise forms.ValidationError(f"“{option}” is listed twice: list each option once.")
            seen.add(option.casefold())
        return options

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.is_blank() or self.errors:
            return data
        method, options = data.get("method"), data.get("options", ())
        if not str(data.get("text", "")).strip():
            self.add_error("text", "Write the question.")
        if not method:
            self.add_error("method", "Choose how this question is voted on.")
        elif method == Method.YES_NO_ABSTAIN and options:
            self.add_error("options", "A yes/no question has no options: leave this blank.")
        elif method != Method.YES_NO_ABSTAIN and len(options) < 2:
            self.add_error("options", "Give at least two options, one per line.")
        elif method == Method.STV and (data.get("seats") or 1) >= len(options):
            self.add_error("seats", "STV needs fewer seats than options.")
        if method == Method.YES_NO_ABSTAIN and not data.get("threshold"):
            self.add_error("threshold", "Choose the majority a yes/no question needs.")
        return data

    def spec(self) -> QuestionSpec:
        data = self.cleaned_data
        return QuestionSpec(
            text=data["text"], method=data["method"], options=data["options"],
            seats=data["seats"] or 1, threshold=data["threshold"],
        )  # fmt: skip


class BallotSetup:
    """The ballot form and its question blocks, validated together for the creation page. "Add
    another question" posts the form back: it is then shown again, unchecked, with one more block."""

    def __init__(self, user: Any, data: Any = None) -> None:
        self.adding = data is not None and "add_question" in data
        self.blocks = min(_blocks(data) + (1 if self.adding else 0), MAX_BLOCKS)
        bound = None if self.adding else data
        self.form = BallotForm(user, bound, initial=_carried(BallotForm, data, None))
        self.questions = [
            QuestionForm(bound, prefix=f"q{n}", initial=_carried(QuestionForm, data, f"q{n}"))
            for n in range(1, self.blocks + 1)
        ]

    @property
    def has_errors(self) -> bool:
        """Whether the submitted form was refused (never for a redisplay after "Add another")."""
        forms_ = [self.form, *self.questions]
        return any(f.is_bound and f.errors for f in forms_)

    @property
    def may_add(self) -> bool:
        return self.blocks < MAX_BLOCKS

    def is_valid(self) -> bool:
        # Every block is checked, not just up to the first bad one, so all errors show at once.
        checked = [self.form.is_valid(), *(q.is_valid() for q in self.questions)]
        valid = all(checked)
        if valid and not self.filled():
            self.form.add_error(None, "Write at least one question.")
            return False
        return valid

    def filled(self) -> list[QuestionForm]:
        return [q for q in self.questions if not q.is_blank()]

    def arguments(self) -> dict[str, Any]:
        """Everything create_ballot takes after the user."""
        return {**self.form.ballot_arguments(), "questions": [q.spec() for q in self.filled()]}


def _blocks(data: Any) -> int:
    try:
        return max(1, min(int(data.get("blocks", FIRST_BLOCKS)), MAX_BLOCKS))
    except (AttributeError, TypeError, ValueError):
        return FIRST_BLOCKS


def _carried(form: type[forms.Form], data: Any, prefix: str | None) -> dict[str, Any] | None:
    """What was typed, as initial values for the unbound form shown after "Add another question"."""
    if data is None or "add_question" not in data:
        return None
    keys = {name: f"{prefix}-{name}" if prefix else name for name in form.base_fields}
    return {name: data[key] for name, key in keys.items() if key in data}
