"""Forms for finding a group and for organisers editing their group and adding members."""

import re

from django import forms

from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.geo.queries import LocationError, locate
from groundswell.groups.models import Group, GroupKind
from groundswell.people.contact import ContactError, normalise_email


class FindForm(forms.Form):
    postcode = forms.CharField(
        required=False,
        max_length=16,
        label="Your postcode",
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "inputmode": "text"}),
    )
    q = forms.CharField(required=False, max_length=100, label="Group name")
    kind = forms.ChoiceField(
        required=False, choices=[("", "All kinds"), *GroupKind.choices], label="Kind"
    )

    suggestion: str | None = None

    def clean_postcode(self) -> str:
        text: str = self.cleaned_data["postcode"].strip()
        self.cleaned_data["location"] = None
        if text:
            try:
                self.cleaned_data["location"] = locate(text)
            except LocationError as exc:
                self.suggestion = exc.suggestion
                raise forms.ValidationError(str(exc)) from exc
        return text


class GroupDetailsForm(forms.Form):
    description = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 4}), help_text="Everyone sees this."
    )
    members_info = forms.CharField(
        required=False,
        label="Information for members",
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Only members of the group see this: meeting place, chat links, and so on.",
    )
    contact_email = forms.EmailField(
        required=False, help_text="Members see this address as the way to reach the organisers."
    )
    districts = forms.CharField(
        required=False,
        label="Postcode districts covered",
        help_text="Separated by commas or spaces, e.g. SW1A, SE1.",
    )
    constituencies = forms.CharField(
        required=False,
        label="Constituencies covered",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One name per line.",
    )

    @classmethod
    def for_group(cls, group: Group) -> "GroupDetailsForm":
        return cls(
            initial={
                "description": group.description,
                "members_info": group.members_info,
                "contact_email": group.contact_email,
                "districts": ", ".join(group.districts.values_list("code", flat=True)),
                "constituencies": "\n".join(group.constituencies.values_list("name", flat=True)),
            }
        )

    def clean_districts(self) -> list[PostcodeDistrict]:
        codes = [c for c in re.split(r"[\s,;]+", self.cleaned_data["districts"].upper()) if c]
        found = {d.code: d for d in PostcodeDistrict.objects.filter(code__in=codes)}
        unknown = [c for c in codes if c not in found]
        if unknown:
            raise forms.ValidationError(f"We don't know these districts: {', '.join(unknown)}.")
        return list(found.values())

    def clean_constituencies(self) -> list[Constituency]:
        names = [n.strip() for n in self.cleaned_data["constituencies"].splitlines() if n.strip()]
        if not names:
            return []
        known = {}
        for seat in Constituency.objects.only("id", "code", "name", "centroid_lat", "centroid_lng"):
            known[seat.name.casefold()] = known[seat.code.casefold()] = seat
        unknown = [n for n in names if n.casefold() not in known]
        if unknown:
            raise forms.ValidationError(
                f"We don't know these constituencies: {', '.join(unknown)}."
            )
        return list({known[n.casefold()].pk: known[n.casefold()] for n in names}.values())


class AddByEmailForm(forms.Form):
    email = forms.CharField(max_length=254, label="Add by email address")

    def clean_email(self) -> str:
        try:
            return normalise_email(self.cleaned_data["email"])
        except ContactError as exc:
            raise forms.ValidationError(str(exc)) from exc
