"""The "find events" form: postcode, distance, kinds and dates, read from GET so results can be linked."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone

from groundswell.events.models import EventKind
from groundswell.events.queries.finding import EventSearch
from groundswell.geo.queries import Location, LocationError, locate

DISTANCES_KM = (5, 10, 25, 50)
DEFAULT_KM = 10
DEFAULT_DAYS = 30
LONGEST_DAYS = 366


def today() -> date:
    return timezone.localdate()


class FindEventsForm(forms.Form):
    postcode = forms.CharField(
        required=False,
        max_length=16,
        label="Postcode",
        widget=forms.TextInput(attrs={"autocomplete": "postal-code", "placeholder": "e.g. E8 1DY"}),
    )
    km = forms.TypedChoiceField(
        required=False,
        label="Within",
        choices=[(km, f"{km} km") for km in DISTANCES_KM],
        coerce=int,
        empty_value=None,
        initial=DEFAULT_KM,
    )
    kind = forms.MultipleChoiceField(
        required=False,
        label="Kinds of event",
        choices=EventKind.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked for every kind.",
    )
    start = forms.DateField(
        required=False, label="From", widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        required=False, label="To", widget=forms.DateInput(attrs={"type": "date"})
    )

    suggestion: str | None = None
    location: Location | None = None

    def clean_postcode(self) -> str:
        text: str = self.cleaned_data["postcode"].strip()
        if text:
            try:
                self.location = locate(text)
            except LocationError as error:
                self.suggestion = error.suggestion
                raise forms.ValidationError(str(error)) from error
        return text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        furthest = today() + timedelta(days=LONGEST_DAYS * 2)
        first = max(data.get("start") or today(), today())  # only what is still to come
        if first > furthest:
            self.add_error(
                "start", "We list events up to two years ahead: please choose an earlier date."
            )
            return data
        last = data.get("end") or min(first + timedelta(days=DEFAULT_DAYS), furthest)
        if last > furthest:
            self.add_error(
                "end", "We list events up to two years ahead: please choose earlier dates."
            )
        elif last < first:
            self.add_error("end", "The “to” date is before the “from” date (or already past).")
        elif (last - first).days > LONGEST_DAYS:
            self.add_error("end", "Please search at most a year at a time.")
        data["start"], data["end"] = first, last
        return data

    def controls(self) -> "Controls":
        """What the form's inputs show: as typed (valid or not), so the page can write them out by hand
        (Django's widget templates cost more than the whole search)."""
        data = self.data
        return Controls(
            postcode=data.get("postcode", ""),
            km=str(data.get("km") or DEFAULT_KM),
            kinds=frozenset(data.getlist("kind")) if hasattr(data, "getlist") else frozenset(),
            start=data.get("start", ""),
            end=data.get("end", ""),
            invalid=frozenset(self.errors) if self.is_bound else frozenset(),
        )

    def search(self) -> EventSearch:
        """The search this (valid) form asks for; a postcode with no position searches everywhere."""
        data = self.cleaned_data
        here = self.location
        return EventSearch(
            start=_midnight(data["start"]),
            end=_midnight(data["end"] + timedelta(days=1)),  # the "to" day is included
            lat=here.lat if here else None,
            lng=here.lng if here else None,
            km=data["km"] or DEFAULT_KM,
            kinds=tuple(data["kind"]),
        )


@dataclass(frozen=True)
class Controls:
    postcode: str
    km: str
    kinds: frozenset[str]
    start: str
    end: str
    invalid: frozenset[str]  # the names of the fields with errors
    km_choices = tuple((str(km), f"{km} km") for km in DISTANCES_KM)
    kind_choices = tuple(EventKind.choices)

    @property
    def filtered(self) -> bool:
        return bool(self.kinds or self.start or self.end)


def _midnight(day: date) -> datetime:
    """The start of `day` in the site's time zone (Europe/London), as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, time.min))
