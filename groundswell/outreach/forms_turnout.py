"""The form that sets up a meeting turnout drive: which meeting, who is eligible, how many must come."""

from typing import Any

from django import forms
from django.db.models import Min, Q, QuerySet
from django.utils import timezone

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.events.models import Approval, Event, EventStatus, Shift
from groundswell.events.queries.visibility import visible_events
from groundswell.geo.models import Constituency
from groundswell.groups.models import Group
from groundswell.outreach.actions.turnout import MEETING_KINDS, TurnoutSpec
from groundswell.outreach.forms_calls import CallersField
from groundswell.outreach.queries.calls import groups_for_assignments
from groundswell.people.queries import groups_visible_to, people_visible_to

AREAS = [
    ("constituency", "Members in a constituency"),
    ("group", "Members of a group"),
    ("all", "All members (no area)"),
]


def meetings_for(user: Any) -> QuerySet[Event]:
    """Upcoming meetings this user runs: national roles any, organisers their groups'."""
    events = (
        visible_events(user)
        .filter(
            kind__in=MEETING_KINDS, approval=Approval.APPROVED, shifts__start__gt=timezone.now()
        )
        .exclude(status=EventStatus.CANCELLED)
    )
    if not sees_everyone(user):
        events = events.filter(host_group_id__in=organised_group_ids(user))
    soonest = Min("shifts__start", filter=Q(shifts__start__gt=timezone.now()))
    return events.annotate(next_start=soonest).order_by("next_start", "pk")


class TurnoutForm(forms.Form):
    shift = forms.ModelChoiceField(
        queryset=Shift.objects.none(), label="The meeting", empty_label=None
    )
    needed = forms.IntegerField(min_value=1, max_value=1_000_000, label="How many must come to win")
    group = forms.ModelChoiceField(
        queryset=Group.objects.none(), required=False, label="Group running the drive"
    )
    area = forms.ChoiceField(
        choices=AREAS,
        widget=forms.RadioSelect,
        initial="constituency",
        label="Who may attend and vote",
    )
    constituency = forms.ModelChoiceField(
        queryset=Constituency.objects.order_by("name").only("pk", "name"), required=False
    )
    members_of = forms.ModelChoiceField(
        queryset=Group.objects.none(), required=False, label="Group"
    )
    joined_before = forms.DateField(
        required=False, label="Joined on or before (the cut-off date)",
        widget=forms.DateInput(attrs={"type": "date"}), help_text="Leave blank if there is none.",
    )  # fmt: skip
    name = forms.CharField(
        max_length=200, required=False, help_text="Blank: “Turnout: ” and the meeting's title."
    )
    callers = CallersField()

    def __init__(self, *args: Any, user: Any, event: Event, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        fields: Any = self.fields
        upcoming = event.shifts.filter(start__gt=timezone.now()).order_by("start")
        fields["shift"].queryset = upcoming
        fields["shift"].label_from_instance = lambda s: (
            f"{event.title}, {timezone.localtime(s.start):%A %-d %B %H:%M}"
        )
        fields["group"].queryset = groups_for_assignments(user)
        fields["group"].required = not sees_everyone(user)
        fields["members_of"].queryset = groups_visible_to(user).filter(is_active=True)
        fields["callers"].people = people_visible_to(user)
        self.initial.setdefault("group", event.host_group_id)
        self.initial.setdefault("constituency", event.constituency_id)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        area = data.get("area")
        if area == "constituency" and not data.get("constituency"):
            self.add_error("constituency", "Choose the constituency.")
        if area == "group" and not data.get("members_of"):
            self.add_error("members_of", "Choose the group.")
        return data

    def spec(self) -> TurnoutSpec:
        data = self.cleaned_data
        area = data["area"]
        group: Group | None = data["group"]
        return TurnoutSpec(
            shift=data["shift"], needed=data["needed"], group=group,
            constituency=data["constituency"] if area == "constituency" else None,
            members_of=data["members_of"] if area == "group" else None,
            joined_before=data["joined_before"], callers=data["callers"], name=data["name"],
        )  # fmt: skip
