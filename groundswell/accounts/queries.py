"""Reads for a signed-in member's own pages. Everything here is about the member themself: no
one else's personal data is ever read."""

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.utils import timezone

from groundswell.accounts.models import User
from groundswell.events.models import Attendance
from groundswell.events.queries.finding import EventSearch, FoundEvent, find_events
from groundswell.events.queries.pages import my_places
from groundswell.geo.queries import LocationError, locate
from groundswell.groups.models import Group, Membership
from groundswell.groups.queries import groups_near
from groundswell.people.models import Channel, Person

NEARBY_LIMIT = 3
EVENTS_NEAR_KM = 10


@dataclass
class MemberHome:
    account: User
    person: Person | None
    memberships: list[Membership]
    covering: list[Group] = field(default_factory=list)
    nearest: list[Group] = field(default_factory=list)
    email: str = ""
    phone: str = ""
    consents: list[tuple[str, bool]] = field(default_factory=list)
    places: list[Attendance] = field(default_factory=list)
    events_near: list[FoundEvent] = field(default_factory=list)
    calling: list[Any] = field(default_factory=list)  # call assignments they are a caller on
    texting: list[Any] = field(default_factory=list)  # texting campaigns they are a texter on


def member_home(user: User) -> MemberHome:
    person = user.person
    home = MemberHome(user, person, _my_memberships(user), email=user.email)
    if person is None:
        return home
    if user.email_confirmed:
        home.phone = _primary_phone(person)
        home.consents = consent_summary(person)
    home.places = my_places(user, limit=5)
    home.calling, home.texting = _volunteering(user)
    home.events_near = _events_near(user, person, {a.shift.event_id for a in home.places})
    joined = {m.group_id for m in home.memberships}
    nearby = _nearby_groups(person)
    if nearby:
        home.covering = [g for g in nearby.covering if g.pk not in joined]
        home.nearest = [g for g in nearby.nearest_others if g.pk not in joined]
    return home


def _volunteering(user: User) -> tuple[list[Any], list[Any]]:
    """The call assignments and texting campaigns this member volunteers on, that are running."""
    from groundswell.outreach.models import CampaignStatus
    from groundswell.outreach.queries.calls import calling_for
    from groundswell.outreach.queries.texting import campaigns_texted_by

    running = [CampaignStatus.ACTIVE, CampaignStatus.PAUSED]
    return calling_for(user), list(campaigns_texted_by(user).filter(status__in=running)[:10])


def _my_memberships(user: User) -> list[Membership]:
    if user.person_id is None:
        return []
    memberships = Membership.objects.filter(person_id=user.person_id, group__is_active=True)
    if not user.email_confirmed:
        # Until the address is proved theirs, the account may be someone using another person's
        # email: show only the groups joined since the account was made.
        memberships = memberships.filter(joined_at__gte=user.date_joined)
    return list(memberships.select_related("group").order_by("group__name"))


def _events_near(user: User, person: Person, going: set[int]) -> list[FoundEvent]:
    """The next few events within 10 km of the member's postcode that they have not signed up to."""
    if person.lat is None or person.lng is None:
        return []
    now = timezone.now()
    search = EventSearch(now, now + timedelta(days=30), person.lat, person.lng, EVENTS_NEAR_KM)
    found = find_events(user, search, per_page=NEARBY_LIMIT + len(going))
    return [f for f in found.placed if f.event.pk not in going][:NEARBY_LIMIT]


def _nearby_groups(person: Person) -> Any:
    if not person.postal_code:
        return None
    try:
        location = locate(person.postal_code)
    except LocationError:
        return None
    return groups_near(location, NEARBY_LIMIT)


def _primary_phone(person: Person) -> str:
    phone = person.phones.order_by("-primary", "pk").first()
    return phone.number if phone else ""


def consent_summary(person: Person) -> list[tuple[str, bool]]:
    return [
        (str(Channel.EMAIL.label), person.email_consent),
        (str(Channel.SMS.label), person.sms_consent),
        (str(Channel.PHONE.label), person.phone_consent),
    ]


def my_details_initial(user: User) -> dict[str, Any]:
    person = user.person
    if person is None:
        return {}
    return {
        "given_name": person.given_name,
        "family_name": person.family_name,
        "postcode": person.postal_code,
        "mobile": _primary_phone(person),
        "consent_email": person.email_consent,
        "consent_sms": person.sms_consent,
        "consent_phone": person.phone_consent,
    }
