"""Each kind of leaf as a Q over Person: a column test or a subquery, never a list of people.

Subqueries are `pk IN (SELECT person_id ...)`, not correlated EXISTS: PostgreSQL plans both as a
semi-join under AND, but under OR or NOT it costs a correlated EXISTS as if it ran once per person
(its AlternativeSubPlan is costed by the per-row plan), so a search with "any" looked a million
times dearer than it was and PostgreSQL spent ~300 ms JIT-compiling a 60 ms query. An uncorrelated
IN is costed as the one hashed scan it is.

Every function takes the leaf's cleaned settings (searches.leaf_params) and what was looked up before
compiling (searches.references.Resolved); none of them queries the database."""

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from groundswell.events.models import Attendance, AttendanceStatus
from groundswell.geo.queries import within_km
from groundswell.groups.models import Membership
from groundswell.outreach.models import Answer, CallAttempt, Direction, TextMessage
from groundswell.people.custom_values import CustomValueError, clean_custom_value
from groundswell.people.models import Person
from groundswell.searches.definition import DefinitionError
from groundswell.searches.references import Resolved

Params = dict[str, Any]


def _people_in(rows: QuerySet[Any], column: str = "person_id") -> Q:
    return Q(pk__in=rows.order_by().values(column))


def tag(p: Params, resolved: Resolved) -> Q:
    return _people_in(Person.tags.through.objects.filter(tag_id=p["tag"]))


def group(p: Params, resolved: Resolved) -> Q:
    return _people_in(Membership.objects.filter(group_id=p["group"]))


def membership(p: Params, resolved: Resolved) -> Q:
    return Q(membership_status=p["status"])


def joined(p: Params, resolved: Resolved) -> Q:
    """Member since a date in the range, both ends included; no dates: anyone with a join date."""
    q = Q(member_since__isnull=False)
    if p["after"] is not None:
        q &= Q(member_since__gte=p["after"])
    if p["before"] is not None:
        q &= Q(member_since__lte=p["before"])
    return q


def near(p: Params, resolved: Resolved) -> Q:
    place = resolved.places[p["postcode"]]
    nearby = within_km(Person.objects.order_by(), place.lat, place.lng, p["km"])
    return Q(pk__in=nearby.values("pk"))


def constituency(p: Params, resolved: Resolved) -> Q:
    return Q(constituency_id=p["constituency"])


def events(p: Params, resolved: Resolved) -> Q:
    """Signed up: a place accepted (not waitlisted or cancelled) on a shift starting in the period.
    Attended: checked in (or marked attended by an import) on such a shift."""
    found = Attendance.objects.all()
    if p["status"] == "attended":
        found = found.filter(Q(attended=True) | Q(checked_in_at__isnull=False))
    else:
        found = found.filter(status=AttendanceStatus.ACCEPTED)
    if p["event"] is not None:
        found = found.filter(shift__event_id=p["event"])
    elif resolved.event_scope is not None:
        found = found.filter(shift__event__in=resolved.event_scope)
    if p["kind"] is not None:
        found = found.filter(shift__event__kind=p["kind"])
    if p["after"] is not None:
        found = found.filter(shift__start__gte=_day_start(p["after"]))
    if p["before"] is not None:
        found = found.filter(shift__start__lt=_day_start(p["before"] + timedelta(days=1)))
    return _people_in(found)


def _day_start(day: date) -> datetime:
    # Dates are the movement's local dates: a shift at 00:30 on 1 June BST is on 1 June.
    return datetime.combine(day, time.min, tzinfo=timezone.get_current_timezone())


def answer(p: Params, resolved: Resolved) -> Q:
    found = Answer.objects.filter(question_id=p["question"])
    if p["values"]:
        found = found.filter(value__in=p["values"])
    return _people_in(found)


def custom_field(p: Params, resolved: Resolved) -> Q:
    """The JSON key equals the value, cleaned as the field's kind would store it (so "yes" finds
    true and "unite" finds "Unite"); free text compares without regard to case."""
    field = resolved.fields[p["key"]]
    try:
        value = clean_custom_value(field.kind, p["value"], field.choices, field.label)
    except CustomValueError as error:
        raise DefinitionError(f"Custom field rule: {error}") from None
    if value is None:
        raise DefinitionError("Custom field rule: the value is missing.")
    if "__" in field.key:
        raise DefinitionError(f"Custom field rule: the field {field.key!r} cannot be searched.")
    # The lookup named last, so a key that happens to be a lookup's name ("contains") stays a key.
    lookup = "iexact" if field.kind == "text" else "exact"
    # has_key first: without it a missing key compares as NULL, and "not Unite" would leave out
    # everyone with no union at all.
    return Q(custom_fields__has_key=field.key) & Q(
        **{f"custom_fields__{field.key}__{lookup}": value}
    )


def consent(p: Params, resolved: Resolved) -> Q:
    return Q(**{f"{p['channel']}_consent": True})


def contacted_within(p: Params, resolved: Resolved) -> Q:
    """Called (any outcome) or sent a text in the last N days."""
    since = timezone.now() - timedelta(days=p["days"])
    called = CallAttempt.objects.filter(at__gte=since)
    texted = TextMessage.objects.filter(direction=Direction.OUT, at__gte=since)
    return _people_in(called) | _people_in(texted, "conversation__person_id")


BUILDERS: dict[str, Callable[[Params, Resolved], Q]] = {
    "tag": tag,
    "group": group,
    "membership": membership,
    "joined": joined,
    "near": near,
    "constituency": constituency,
    "events": events,
    "answer": answer,
    "custom_field": custom_field,
    "consent": consent,
    "contacted_within": contacted_within,
}
