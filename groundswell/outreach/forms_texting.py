"""Forms for texting: a campaign's set-up, its canned responses, a reply, handing a conversation to
another texter. Validation that needs the database beyond a choice list lives in the actions."""

from datetime import time
from typing import Any

from django import forms
from django.conf import settings
from django.db.models import Q

from groundswell.core.access import sees_everyone
from groundswell.groups.models import Group
from groundswell.outreach.actions.text_rules import TextingRefused
from groundswell.outreach.actions.texting import (
    MAX_MESSAGE,
    CampaignDetails,
    check_message,
    texters_from_emails,
)
from groundswell.outreach.models import TextCampaign
from groundswell.outreach.text_merge import MERGE_FIELDS
from groundswell.people.queries import groups_visible_to
from groundswell.searches.models import SavedSearch
from groundswell.searches.queries import searches_usable_by

MERGE_HELP = "Merge fields: " + ", ".join(
    f"{{{name}}} ({said})" for name, said in MERGE_FIELDS.items()
)


def _message_field(label: str, rows: int) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=MAX_MESSAGE,
        help_text=MERGE_HELP,
        strip=False,
        widget=forms.Textarea({"rows": rows, "maxlength": MAX_MESSAGE}),
    )


def _clean_message(value: str) -> str:
    try:
        check_message(value)
    except TextingRefused as exc:
        raise forms.ValidationError(str(exc)) from exc
    return value


class TextCampaignForm(forms.Form):
    name = forms.CharField(max_length=200)
    audience = forms.ModelChoiceField(
        queryset=SavedSearch.objects.none(),
        label="Who to text",
        help_text="A saved search. Only people who agreed to texts and have a mobile are texted.",
    )
    group = forms.ModelChoiceField(queryset=Group.objects.none(), required=False)
    message = _message_field("Opening message", 5)
    texters = forms.CharField(
        label="Texters",
        widget=forms.Textarea({"rows": 3}),
        help_text="Email addresses of the volunteers who will text, one a line. Each needs an account.",
    )
    hours_start = forms.TimeField(
        label="Texting from", required=False, widget=forms.TimeInput({"type": "time"})
    )
    hours_end = forms.TimeField(
        label="Texting until", required=False, widget=forms.TimeInput({"type": "time"})
    )

    def __init__(self, *args: Any, user: Any, campaign: TextCampaign | None = None, **kw: Any):
        super().__init__(*args, **kw)
        self.user = user
        usable = searches_usable_by(user)
        if campaign is not None:  # keep the current audience even if it is someone else's search
            usable = SavedSearch.objects.filter(
                Q(pk__in=usable.values("pk")) | Q(pk=campaign.audience_id)
            )
        self.fields["audience"].queryset = usable  # type: ignore[attr-defined]
        self.fields["group"].queryset = groups_visible_to(user)  # type: ignore[attr-defined]
        self.fields["group"].required = not sees_everyone(user)
        start, end = time(settings.SMS_HOURS_START), time(settings.SMS_HOURS_END)
        hours = f"{start:%H:%M}–{end:%H:%M}"
        self.hours_help = f"In each person's own time zone. Left blank: {hours}."
        self.people: list[Any] = []

    def clean_message(self) -> str:
        return _clean_message(self.cleaned_data["message"])

    def clean_texters(self) -> str:
        raw = self.cleaned_data["texters"]
        people, unknown = texters_from_emails(self.user, raw.replace(",", "\n").splitlines())
        if unknown:
            raise forms.ValidationError(
                f"No one you can see has an account with {', '.join(unknown)}."
            )
        if not people:
            raise forms.ValidationError("Name at least one texter.")
        self.people = people
        return str(raw)

    def details(self) -> CampaignDetails:
        data = self.cleaned_data
        return CampaignDetails(
            name=data["name"],
            audience=data["audience"],
            message=data["message"],
            texters=self.people,
            group=data["group"],
            hours_start=data["hours_start"],
            hours_end=data["hours_end"],
        )

    @staticmethod
    def initial_for(campaign: TextCampaign) -> dict[str, Any]:
        emails = campaign.texters.filter(user__isnull=False).values_list("user__email", flat=True)
        return {
            "name": campaign.name,
            "audience": campaign.audience_id,
            "group": campaign.group_id,
            "message": campaign.message,
            "texters": "\n".join(sorted(emails)),
            "hours_start": campaign.hours_start,
            "hours_end": campaign.hours_end,
        }


class CannedResponseForm(forms.Form):
    title = forms.CharField(max_length=100)
    body = _message_field("Text", 3)

    def clean_body(self) -> str:
        return _clean_message(self.cleaned_data["body"])


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Reply",
        max_length=MAX_MESSAGE,
        widget=forms.Textarea({"rows": 3, "maxlength": MAX_MESSAGE}),
    )
    after = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


class ReassignForm(forms.Form):
    texter = forms.TypedChoiceField(coerce=int, label="Hand to")

    def __init__(self, *args: Any, campaign: TextCampaign, **kw: Any):
        super().__init__(*args, **kw)
        choices = [(p.pk, p.full_name or f"Person {p.pk}") for p in campaign.texters.all()]
        self.fields["texter"].choices = choices  # type: ignore[attr-defined]
