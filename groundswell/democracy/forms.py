"""The voting form, built from a ballot's questions: radios for yes/no and choose one, checkboxes for
approval, and one <select> per rank for ranked questions, so it works without JavaScript."""

from typing import Any

from django import forms

from groundswell.democracy.models import Method, Question

RANKED = (Method.IRV, Method.STV)
YES_NO_CHOICES = [("yes", "Yes"), ("no", "No"), ("abstain", "Abstain")]


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class VoteForm(forms.Form):
    """Fields are named q<position> (or q<position>_<rank>); `answers()` gives what cast_vote takes."""

    def __init__(self, questions: list[Question], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.questions = questions
        for q in questions:
            options = [(str(o.position), o.label) for o in q.options.all()]
            if q.method in RANKED:
                for rank in range(1, len(options) + 1):
                    self.fields[f"q{q.position}_{rank}"] = forms.ChoiceField(
                        label=f"{ordinal(rank)} choice",
                        choices=[("", "—"), *options],
                        required=False,
                    )
            else:
                self.fields[f"q{q.position}"] = _single_field(q, options)

    def groups(self) -> list[tuple[Question, list[forms.BoundField]]]:
        """Each question with its bound fields, in order, for the template."""
        return [
            (q, [self[name] for name in self.fields if name.split("_")[0] == f"q{q.position}"])
            for q in self.questions
        ]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for q in self.questions:
            if q.method in RANKED:
                self._check_ranks(q, cleaned)
        return cleaned

    def _check_ranks(self, question: Question, cleaned: dict[str, Any]) -> None:
        ranks = [cleaned.get(f"q{question.position}_{r}") or "" for r in self._ranks(question)]
        filled = [r for r in ranks if r]
        first = f"q{question.position}_1"
        if not filled:
            self.add_error(first, "Rank at least one option.")
        elif "" in ranks[: len(filled)]:
            self.add_error(first, "Leave no gaps: fill your choices from 1st downwards.")
        elif len(set(filled)) != len(filled):
            self.add_error(first, "Choose each option at most once.")

    def _ranks(self, question: Question) -> range:
        return range(1, len(question.options.all()) + 1)

    def answers(self) -> dict[int, Any]:
        """{question position: answer} with options named by position, as cast_vote expects."""
        data = self.cleaned_data
        answers: dict[int, Any] = {}
        for q in self.questions:
            if q.method in RANKED:
                picks = [data.get(f"q{q.position}_{r}") for r in self._ranks(q)]
                answers[q.position] = [int(p) for p in picks if p]
            elif q.method == Method.APPROVAL:
                answers[q.position] = sorted(int(p) for p in data[f"q{q.position}"])
            elif q.method == Method.CHOOSE_ONE:
                answers[q.position] = int(data[f"q{q.position}"])
            else:
                answers[q.position] = data[f"q{q.position}"]
        return answers


def _single_field(question: Question, options: list[tuple[str, str]]) -> forms.Field:
    if question.method == Method.YES_NO_ABSTAIN:
        return forms.ChoiceField(choices=YES_NO_CHOICES, widget=forms.RadioSelect, label="")
    if question.method == Method.APPROVAL:
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, required=False, label=""
        )
    return forms.ChoiceField(choices=options, widget=forms.RadioSelect, label="")
