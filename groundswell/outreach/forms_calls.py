"""Forms for call banking: an assignment with its questions, and the outcome a caller taps."""

import re
from datetime import datetime
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import timezone

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.events.models import Approval, EventStatus, Shift
from groundswell.groups.models import Group
from groundswell.outreach.actions.answers import FIELD
from groundswell.outreach.actions.assignments import AssignmentSpec, QuestionSpec
from groundswell.outreach.actions.calls import Report
from groundswell.outreach.actions.questions import ordered_questions
from groundswell.outreach.models import CallAssignment, QuestionKind
from groundswell.outreach.queries.calls import groups_for_assignments
from groundswell.people.models import EmailAddress, Person
from groundswell.people.queries import people_visible_to
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import searches_usable_by

MAX_CALLERS = 500


def upcoming_shifts(user: Any) -> QuerySet[Shift]:
    """Shifts an event question may sign people up to: upcoming, of events this user runs."""
    shifts = Shift.objects.filter(
        start__gt=timezone.now(), event__approval=Approval.APPROVED
    ).exclude(event__status=EventStatus.CANCELLED)
    if not sees_everyone(user):
        shifts = shifts.filter(event__host_group_id__in=organised_group_ids(user))
    return shifts.select_related("event").order_by("start", "pk")


class CallersField(forms.CharField):
    """Email addresses, one a line or separated by commas, of people the organiser may see."""

    widget = forms.Textarea(attrs={"rows": 3})

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "help_text",
            "Their email addresses, one a line. They sign in with that address to call.",
        )
        super().__init__(**kwargs)
        self.people: QuerySet[Person] = Person.objects.none()

    def clean(self, value: Any) -> list[Person]:  # type: ignore[override]
        text = str(super().clean(value) or "")
        addresses = list(dict.fromkeys(a.lower() for a in re.split(r"[\s,;]+", text) if a))
        if len(addresses) > MAX_CALLERS:
            raise forms.ValidationError(f"At most {MAX_CALLERS} callers on one assignment.")
        found = dict(
            EmailAddress.objects.filter(address__in=addresses, person__in=self.people).values_list(
                "address", "person_id"
            )
        )
        missing = [a for a in addresses if a not in found]
        if missing:
            raise forms.ValidationError(f"No one you can see has the address {missing[0][:80]}.")
        return list(Person.objects.filter(pk__in=set(found.values())))


def callers_text(assignment: CallAssignment) -> str:
    emails = EmailAddress.objects.filter(person__in=assignment.callers.all(), primary=True)
    return "\n".join(emails.order_by("address").values_list("address", flat=True))


class AssignmentForm(forms.Form):
    name = forms.CharField(max_length=200)
    group = forms.ModelChoiceField(
        queryset=Group.objects.none(), required=False, label="Group running it"
    )
    audience = forms.ModelChoiceField(
        queryset=SavedSearch.objects.none(), label="Who to call (a saved search)"
    )
    script = forms.CharField(
        required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        help_text="What the caller says before the questions. {given_name} is the person called, {caller_name} the caller.",
    )  # fmt: skip
    cooldown_hours = forms.IntegerField(
        min_value=0, max_value=1440, initial=24, label="Hours between two calls to one person"
    )
    claim_minutes = forms.IntegerField(
        min_value=1, max_value=240, initial=20, label="Minutes a person stays on a caller's screen"
    )
    goal = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="Goal: done with someone once they answer",
    )
    goal_values = forms.CharField(
        required=False, max_length=500, label="…with one of these answers",
        help_text="Separated by commas, as written in the question. Leave blank for any answer.",
    )  # fmt: skip
    callers = CallersField()

    def __init__(self, *args: Any, user: Any, questions: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        fields["group"].queryset = groups_for_assignments(user)
        fields["group"].required = not sees_everyone(user)
        fields["group"].empty_label = (
            "Choose a group" if fields["group"].required else "None: a national assignment"
        )
        fields["audience"].queryset = searches_usable_by(user)
        fields["callers"].people = people_visible_to(user)
        fields["goal"].choices = [("", "No goal: done once they answer")] + [
            (str(i), f"Question {i + 1}") for i in range(max(questions, 1))
        ]

    def spec(self, questions: list[QuestionSpec] | None, goal: int | None) -> AssignmentSpec:
        data = self.cleaned_data
        return AssignmentSpec(
            name=data["name"], audience=data["audience"], script=data["script"], group=data["group"],
            callers=data["callers"], cooldown_hours=data["cooldown_hours"],
            claim_minutes=data["claim_minutes"], questions=questions, goal=goal,
            goal_values=[v for v in str(data["goal_values"]).split(",") if v.strip()],
        )  # fmt: skip


class QuestionForm(forms.Form):
    text = forms.CharField(max_length=300, required=False, label="Question")
    kind = forms.ChoiceField(
        choices=QuestionKind.choices, initial=QuestionKind.YES_NO_MAYBE, required=False
    )
    choices = forms.CharField(
        required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3}),
        label="Answers to choose from", help_text="One a line (choose one / choose any only).",
    )  # fmt: skip
    shift = forms.ModelChoiceField(
        queryset=Shift.objects.none(), required=False, label="Event shift (“will you come?” only)"
    )

    def __init__(self, *args: Any, shifts: QuerySet[Shift] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["shift"]
        field.queryset = shifts if shifts is not None else Shift.objects.none()
        field.label_from_instance = lambda s: (
            f"{s.event.title}, {timezone.localtime(s.start):%a %-d %b %H:%M}"
        )

    def spec(self) -> QuestionSpec | None:
        data = self.cleaned_data
        if not data.get("text", "").strip():
            return None  # a blank row
        lines = str(data.get("choices", "")).splitlines()
        kind = data.get("kind") or QuestionKind.YES_NO_MAYBE
        return QuestionSpec(kind, data["text"], lines, data.get("shift"))


QuestionFormSet = forms.formset_factory(QuestionForm, extra=2, max_num=20, validate_max=True)


def question_initial(assignment: CallAssignment) -> list[dict[str, Any]]:
    return [
        {"text": q.text, "kind": q.kind, "choices": "\n".join(q.choices), "shift": q.shift_id}
        for q in ordered_questions(assignment)
    ]


def parse_report(post: QueryDict, now: datetime) -> Report:
    """The outcome form as the caller sent it (checking is the action's job)."""
    answers = {key: post.getlist(key) for key in post if FIELD.match(key)}
    round_text = post.get("round", "")
    return Report(
        outcome=post.get("outcome", ""),
        answers=answers,
        call_back_at=_local_time(post.get("call_back_at", "")),
        note=post.get("note", ""),
        round=int(round_text) if round_text.isdigit() else None,
    )


def _local_time(text: str) -> datetime | None:
    """A datetime-local value ("2025-06-03T18:30") in the movement's time zone; None if unreadable
    (the action then says a call-back time is needed)."""
    try:
        naive = datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    if naive.tzinfo is not None:
        return naive
    return timezone.make_aware(naive, timezone.get_current_timezone())
