"""Event pages: the event itself, signing up, cancelling a place, creating, editing, cancelling
and approving events, and a person's own events."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import URLPattern, path, reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from groundswell.accounts.redirects import safe_next
from groundswell.accounts.throttle import Throttle, client_ip, lockout_message
from groundswell.core.access import acting_person_id, organised_group_ids, personal_data_view
from groundswell.core.access import sees_everyone as national
from groundswell.events.actions import (
    EventError,
    approve_event,
    cancel_rsvp,
    create_event,
    reject_event,
    rsvp_as_guest,
    rsvp_to_shift,
    update_event,
)
from groundswell.events.actions import (
    cancel_event as call_off,
)
from groundswell.events.actions.editing import when
from groundswell.events.forms import CONSENT_HELP, EventForm, GuestRsvpForm, shift_formset
from groundswell.events.models import Attendance, AttendanceStatus, Event, Shift
from groundswell.events.queries import get_event_for_manage
from groundswell.events.queries import pages as q
from groundswell.people.models import Person

GET_POST = require_http_methods(["GET", "POST"])


@require_http_methods(["GET", "HEAD"])
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    page = q.event_page(request.user, pk)
    return render(request, "events/pages/detail.html", {"page": page, "event": page.event})


@GET_POST
def rsvp(request: HttpRequest, pk: int, shift_id: int) -> HttpResponse:
    shift = q.get_shift_for_rsvp(request.user, pk, shift_id)
    person_id = acting_person_id(request.user)
    if person_id is None:
        return _rsvp_guest(request, shift)
    if request.method != "POST":
        return render(request, "events/pages/rsvp.html", {"shift": shift, "event": shift.event})
    try:
        person = Person.objects.get(pk=person_id)
        place = rsvp_to_shift(person, shift, _referrer(request), actor=request.user)
    except EventError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, signed_up_message(place, shift, guest_email=None))
    return redirect(safe_next(request) or reverse("events:detail", args=[pk]))


def _rsvp_guest(request: HttpRequest, shift: Shift) -> HttpResponse:
    form = GuestRsvpForm(request.POST or None)
    context: dict[str, Any] = {"form": form, "shift": shift, "event": shift.event,
                               "consent_help": CONSENT_HELP, "next": safe_next(request)}  # fmt: skip
    if request.method != "POST" or not form.is_valid():
        return render(request, "events/pages/rsvp.html", context)
    # Every guest sign-up may create a record and sends an email: count them per address and per
    # network, so the form cannot be used to flood someone's inbox or fill the database.
    throttle = Throttle("event-sign-up", form.contact, client_ip(request))
    locked = throttle.seconds_locked()
    if locked:
        form.add_error(None, lockout_message(locked))
        return render(request, "events/pages/rsvp.html", context, status=429)
    throttle.failed()
    guest = form.guest()
    try:
        place = rsvp_as_guest(guest, shift, _referrer(request))
    except EventError as refusal:
        form.add_error(None, str(refusal))
        return render(request, "events/pages/rsvp.html", context)
    # The same answer whether or not the email was known: nothing about the record is shown.
    messages.success(request, signed_up_message(place, shift, guest_email=guest.email))
    return redirect(context["next"] or reverse("events:detail", args=[shift.event_id]))


def _referrer(request: HttpRequest) -> dict[str, str]:
    source = str(request.POST.get("source", "")).strip()[:100]
    return {"source": source} if source else {}


def signed_up_message(place: Attendance, shift: Shift, guest_email: str | None) -> str:
    """What someone sees after signing up. For a guest it depends only on what they typed and on
    the shift, never on whether we already knew them."""
    event, at = shift.event, when(shift.start, shift.end)
    if place.status == AttendanceStatus.ACCEPTED:
        said = f"You have a place at {event.title}, {at}."
    else:
        said = (
            f"That shift is full, so you are number {q.waitlist_position(place)} on the waitlist "
            f"for {event.title}, {at}. If a place comes up it is yours, and we will tell you."
        )
    if guest_email is None:
        return said
    if guest_email:
        return f"{said} We've emailed {guest_email} a confirmation, with a link to cancel."
    contact = f" at {event.contact_email}" if event.contact_email else ""
    return f"{said} If you cannot come, please tell the organiser{contact}."


def cancelled_message(place: Attendance) -> str:
    shift = place.shift
    if place.status == AttendanceStatus.WAITLISTED:
        return (
            f"You have left the waitlist for {shift.event.title}, {when(shift.start, shift.end)}."
        )
    return f"Your place at {shift.event.title}, {when(shift.start, shift.end)} is cancelled. Thank you for letting us know."


@GET_POST
def cancel_place(request: HttpRequest, token: str) -> HttpResponse:
    place = q.place_for_cancel_link(token)
    over = place.shift.end <= timezone.now()
    context = {"place": place, "shift": place.shift, "event": place.shift.event, "over": over}
    if request.method != "POST":
        return render(request, "events/pages/cancel_place.html", context)
    refusal = q.why_place_cannot_be_cancelled(place)
    if refusal:
        messages.error(request, refusal)
    else:
        message = cancelled_message(place)  # worded by the status before cancelling
        cancel_rsvp(place, actor=request.user if request.user.is_authenticated else None)
        messages.success(request, message)
    if acting_person_id(request.user) == place.person_id:
        return redirect("events:detail", place.shift.event_id)
    return redirect("events:cancel_place", token)


@login_required
@GET_POST
def create(request: HttpRequest) -> HttpResponse:
    groups = q.hostable_groups(request.user)
    everywhere = national(request.user)
    if not everywhere and not groups.exists():
        return render(request, "events/pages/no_groups.html")
    chosen = groups.filter(slug=request.GET.get("group", "")).first()
    organised = set(organised_group_ids(request.user))
    form = EventForm(request.POST or None, groups=groups, group_required=not everywhere,
                     proposal_groups=None if everywhere else {g.pk for g in groups} - organised,
                     initial={"host_group": chosen})  # fmt: skip
    shifts = shift_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and shifts.is_valid():
        try:
            event = create_event(request.user, shifts=shifts.specs(), **form.event_fields())
        except (EventError, PermissionDenied) as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _created_message(event))
            return redirect("events:detail", event.pk)
    context = {"form": form, "shifts": shifts, "proposing": not everywhere and not organised}
    return render(request, "events/pages/event_form.html", context)


def _created_message(event: Event) -> str:
    if event.approval == "awaiting":
        host = event.host_group.name if event.host_group else "the organisers"
        return f"Thank you! Your proposal was sent to the organisers of {host}: sign-ups open once they approve it."
    return "Your event is live: people can sign up now."


@login_required
@GET_POST
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_manage(request.user, pk)
    if event.status == "cancelled":
        messages.error(request, "This event has been cancelled, so it can no longer be changed.")
        return redirect("events:detail", pk)
    form = EventForm(request.POST or None, initial=EventForm.initial_for(event))
    shifts = shift_formset(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid() and shifts.is_valid():
        try:
            told = update_event(request.user, event, shifts=shifts.edits(), **form.event_fields())
        except EventError as refusal:
            form.add_error(None, str(refusal))
        else:
            told_line = f" Everyone signed up is being told: {' '.join(told)}" if told else ""
            messages.success(request, f"Saved.{told_line}")
            return redirect("events:detail", pk)
    context = {"form": form, "shifts": shifts, "event": event, "editing": True}
    return render(request, "events/pages/event_form.html", context)


@login_required
@GET_POST
def cancel_event(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_manage(request.user, pk)
    if request.method == "POST":
        call_off(request.user, event)
        messages.success(request, f"{event.title} is cancelled. Everyone signed up is being told.")
        return redirect("events:detail", pk)
    context = {"event": event, "signed_up": q.signed_up_count(event)}
    return render(request, "events/pages/cancel_event.html", context)


@personal_data_view
@require_http_methods(["GET", "HEAD"])
def approvals(request: HttpRequest) -> HttpResponse:
    return render(
        request, "events/pages/approvals.html", {"proposals": q.awaiting_decision(request.user)}
    )


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_event_for_manage(request.user, pk)
    decision = request.POST.get("decision")
    actions = {"approve": (approve_event, "approved: sign-ups are open"),
               "reject": (reject_event, "turned down")}  # fmt: skip
    if decision not in actions:
        messages.error(request, "Choose whether to approve the event or turn it down.")
    else:
        act, outcome = actions[decision]
        try:
            act(request.user, event)
        except EventError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, f"{event.title} was {outcome}. We've told the member who proposed it."
            )
    return redirect(safe_next(request) or reverse("events:approvals"))


@login_required
@require_http_methods(["GET", "HEAD"])
def mine(request: HttpRequest) -> HttpResponse:
    user = request.user
    context = {
        "places": q.my_places(user),
        "managed": q.managed_events(user),
        "proposals": q.my_proposals(user),
        "awaiting": q.awaiting_decision(user).count(),
        "organiser": national(user) or organised_group_ids(user).exists(),
    }
    return render(request, "events/pages/mine.html", context)


urlpatterns: list[URLPattern] = [
    path("<int:pk>/", detail, name="detail"),
    path("<int:pk>/shifts/<int:shift_id>/rsvp/", rsvp, name="rsvp"),
    path("places/<str:token>/cancel/", cancel_place, name="cancel_place"),
    path("new/", create, name="create"),
    path("<int:pk>/edit/", edit, name="edit"),
    path("<int:pk>/cancel/", cancel_event, name="cancel_event"),
    path("approvals/", approvals, name="approvals"),
    path("<int:pk>/decide/", decide, name="decide"),
    path("mine/", mine, name="mine"),
]
