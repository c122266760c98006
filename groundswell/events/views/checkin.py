"""The organiser's check-in list (made for a phone at the door), QR code scans, and follow-up emails
after the event."""

from typing import Any
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from groundswell.core.access import is_verified, personal_data_view
from groundswell.events.actions.checkin import (
    CheckInRefused,
    add_walk_in,
    check_in,
    send_follow_up,
    undo_check_in,
)
from groundswell.events.models import Attendance, Event, FollowUpAudience, Shift
from groundswell.events.queries.checkin import (
    attendance_for_scan,
    checkin_list,
    checkin_row,
    follow_up_counts,
    follow_up_opens_at,
    follow_ups_of,
    get_attendance_for_checkin,
    pick_shift,
    shift_counts,
)
from groundswell.events.queries.visibility import (
    can_manage_event,
    get_event_for_manage,
    visible_events,
)

LIST = "events/checkin/list.html"


class WalkInForm(forms.Form):
    given_name = forms.CharField(label="First name", max_length=150)
    family_name = forms.CharField(label="Last name", max_length=150, required=False)
    email = forms.CharField(
        label="Email", max_length=254, required=False, widget=forms.EmailInput()
    )
    mobile = forms.CharField(
        label="Mobile", max_length=40, required=False, widget=forms.TextInput({"type": "tel"})
    )
    postal_code = forms.CharField(label="Postcode (optional)", max_length=10, required=False)
    email_consent = forms.BooleanField(label="Happy to get emails from us", required=False)
    sms_consent = forms.BooleanField(label="Happy to get texts from us", required=False)


class FollowUpForm(forms.Form):
    audience = forms.ChoiceField(
        label="Send to", choices=FollowUpAudience.choices, widget=forms.RadioSelect
    )
    subject = forms.CharField(max_length=200)
    body = forms.CharField(label="Message", max_length=10000, widget=forms.Textarea({"rows": 8}))


@require_GET
@personal_data_view
def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_manage(request.user, pk)
    if getattr(request, "htmx", None):
        shift = pick_shift(event, request.GET.get("shift"))[1]
        q = request.GET.get("q", "").strip()
        context = {"event": event, "listing": checkin_list(shift, q), "q": q}
        return render(request, f"{LIST}#attendees", context)
    return _render_list(request, event, request.GET.get("shift"), WalkInForm())


def _render_list(
    request: HttpRequest, event: Event, shift_id: str | None, form: WalkInForm, status: int = 200
) -> HttpResponse:
    shifts, shift = pick_shift(event, shift_id)
    q = request.GET.get("q", "").strip()
    listing = checkin_list(shift, q)
    context = {"event": event, "shifts": shifts, "shift": shift, "q": q, "form": form}
    context |= {"listing": listing, "here": listing.here, "expected": listing.expected}
    return render(request, LIST, context, status=status)


@require_POST
@personal_data_view
def checkin_toggle(request: HttpRequest, pk: int, attendance_id: int) -> HttpResponse:
    attendance = get_attendance_for_checkin(request.user, pk, attendance_id)
    wanted = request.POST.get("checked_in", "")
    if wanted not in ("0", "1"):
        return HttpResponseBadRequest(
            "Say whether to tick (checked_in=1) or untick (checked_in=0)."
        )
    change = check_in if wanted == "1" else undo_check_in
    error = ""
    try:
        change(request.user, attendance)
    except CheckInRefused as exc:
        error = str(exc)
    if not getattr(request, "htmx", None):
        if error:
            messages.error(request, error)
        return redirect(_list_url(attendance.shift))
    return _row(request, attendance.shift.event, attendance.pk, error)


def _row(request: HttpRequest, event: Event, attendance_id: int, error: str) -> HttpResponse:
    attendance = checkin_row(attendance_id)
    here, expected = shift_counts(attendance.shift)
    context = {"event": event, "attendance": attendance, "row_error": error, "oob": True}
    context |= {"here": here, "expected": expected}
    row = render(request, f"{LIST}#attendee-row", context)
    row.write(render(request, f"{LIST}#counts", context).content)
    return row


def _list_url(shift: Shift) -> str:
    query = urlencode({"shift": shift.pk})
    return f"{reverse('events:checkin', args=[shift.event_id])}?{query}"


@require_POST
@personal_data_view
def walk_in(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_manage(request.user, pk)
    shift_id = request.POST.get("shift")
    shift = pick_shift(event, shift_id)[1]
    form = WalkInForm(request.POST)
    if form.is_valid():
        try:
            attendance = add_walk_in(request.user, shift, **form.cleaned_data)
        except CheckInRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"{attendance.person} is checked in.")
            return redirect(_list_url(shift))
    return _render_list(request, event, str(shift.pk), form, status=400)


@require_http_methods(["GET", "POST"])
def scan(request: HttpRequest, token: str) -> HttpResponse:
    """An organiser confirms the check-in (a GET never changes anything); anyone else is told to
    show the code at the door, and sees nothing about the person it belongs to."""
    attendance = attendance_for_scan(token)
    event, user = attendance.shift.event, request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not can_manage_event(user, event):
        return _show_at_the_door(request, attendance)
    if not is_verified(user):
        query = urlencode({"next": request.get_full_path()}, safe="/")
        return redirect(f"{reverse('accounts:two_factor')}?{query}")
    if request.method == "POST":
        try:
            check_in(user, attendance)
            messages.success(request, f"{attendance.person} is checked in.")
        except CheckInRefused as exc:
            messages.error(request, str(exc))
        return redirect("events:scan", token=token)
    context = {"event": event, "attendance": attendance, "list_url": _list_url(attendance.shift)}
    return render(request, "events/checkin/scan_confirm.html", context)


def _show_at_the_door(request: HttpRequest, attendance: Attendance) -> HttpResponse:
    """For the attendee (or anyone but the organisers): the event, if they may see it; no names."""
    if request.method == "POST":
        raise PermissionDenied("Only the event's organisers can check people in.")
    event = attendance.shift.event
    shown = visible_events(request.user).filter(pk=event.pk).exists()
    context = {"event": event if shown else None, "shift": attendance.shift}
    return render(request, "events/checkin/scan_show.html", context)


@require_http_methods(["GET", "POST"])
@personal_data_view
def follow_up(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_manage(request.user, pk)
    form = FollowUpForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            sent = send_follow_up(request.user, event, **form.cleaned_data)
        except CheckInRefused as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Sending “{sent.subject}”: it goes out in a moment.")
            return redirect("events:follow_up", pk=event.pk)
    return _render_follow_up(request, event, form, 400 if form.is_bound else 200)


def _render_follow_up(
    request: HttpRequest, event: Event, form: FollowUpForm, status: int
) -> HttpResponse:
    counts = follow_up_counts(event)
    choices = [(value, label, counts[value]) for value, label in FollowUpAudience.choices]
    context: dict[str, Any] = {"event": event, "form": form, "choices": choices}
    opens_at = follow_up_opens_at(event)
    context |= {"opens_at": opens_at, "follow_ups": follow_ups_of(event)}
    context["is_open"] = opens_at is not None and opens_at <= timezone.now()
    return render(request, "events/checkin/follow_up.html", context, status=status)


urlpatterns: list[URLPattern] = [
    path("<int:pk>/check-in/", checkin, name="checkin"),
    path("<int:pk>/check-in/<int:attendance_id>/", checkin_toggle, name="checkin_toggle"),
    path("<int:pk>/check-in/walk-in/", walk_in, name="walk_in"),
    path("scan/<str:token>/", scan, name="scan"),
    path("<int:pk>/follow-up/", follow_up, name="follow_up"),
]
