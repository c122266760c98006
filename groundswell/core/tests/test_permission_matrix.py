"""Every role against every page and action that shows or changes personal data: allowed, or refused.

Refused means: the anonymous visitor is sent to sign in, a member gets 403/404, an organiser who has not
verified their second factor is sent to two-factor sign-in, and an organiser of another group gets 403/404 —
and in every refused case nothing is written. Allowed pages that list people show only people in scope.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from groundswell.accounts.models import Role
from groundswell.core.testing import (
    GroupFactory,
    PersonFactory,
    add_member,
    make_user,
    signed_in_client,
    verified_client,
)
from groundswell.events.actions import create_event, rsvp_to_shift
from groundswell.events.models import Attendance, Event, FollowUp
from groundswell.groups.models import Group, Membership
from groundswell.outreach.models import (
    CallAssignment,
    CallAttempt,
    CallQueueEntry,
    Conversation,
    TextCampaign,
    TextMessage,
)
from groundswell.people.models import (
    ConsentChange,
    ExportRecord,
    HistoryEvent,
    ImportJob,
    Note,
    Person,
    Tag,
)
from groundswell.searches.models import SavedSearch

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "member",
    "organiser_a_unverified",
    "organiser_a",
    "organiser_b",
    "national",
    "data_officer",
    "admin",
]
NATIONAL = {"national", "data_officer", "admin"}
ORGANISERS_AND_NATIONAL = {"organiser_a", "organiser_b"} | NATIONAL
SEES_A = {"organiser_a"} | NATIONAL


@dataclass
class World:
    group_a: Group
    group_b: Group
    in_a: Person
    also_in_a: Person
    in_b: Person
    clients: dict[str, Client]
    event: Event  # group A's canvass, with Ada (in A) signed up
    place: Attendance
    search: SavedSearch  # group A's members, shared with A's organisers
    assignment: CallAssignment  # group A's call bank over that search
    campaign: TextCampaign  # group A's texting campaign over that search


@pytest.fixture
def world() -> World:
    group_a = GroupFactory.create(name="Alpha group", slug="alpha")
    group_b = GroupFactory.create(name="Beta group", slug="beta")
    in_a = PersonFactory.create(given_name="Ada", family_name="Alphason", email="ada@example.org")
    also_in_a = PersonFactory.create(
        given_name="Aby", family_name="Alphason", email="aby@example.org"
    )
    in_b = PersonFactory.create(given_name="Bea", family_name="Betason", email="bea@example.org")
    add_member(group_a, in_a)
    add_member(group_a, also_in_a)
    add_member(group_b, in_b)

    member = make_user(Role.MEMBER)
    add_member(group_a, member.person)  # type: ignore[arg-type]
    organiser_a = make_user(Role.MEMBER)
    add_member(group_a, organiser_a.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    organiser_b = make_user(Role.MEMBER)
    add_member(group_b, organiser_b.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    clients = {
        "anonymous": Client(),
        "member": signed_in_client(member),
        "organiser_a_unverified": signed_in_client(organiser_a),
        "organiser_a": verified_client(organiser_a),
        "organiser_b": verified_client(organiser_b),
        "national": verified_client(make_user(Role.NATIONAL_ORGANISER)),
        "data_officer": verified_client(make_user(Role.DATA_OFFICER)),
        "admin": verified_client(make_user(Role.ADMIN)),
    }
    event = create_event(
        make_user(Role.NATIONAL_ORGANISER),
        title="Alpha canvass",
        kind="canvass",
        host_group=group_a,
        online_url="https://meet.example.org/alpha",
        shifts=[
            (timezone.now() + timedelta(days=1), timezone.now() + timedelta(days=1, hours=2), 5)
        ],
    )
    place = rsvp_to_shift(in_a, event.shifts.get())
    search = SavedSearch.objects.create(
        name="Alpha members",
        definition={"all": [{"filter": "group", "group": group_a.pk}]},
        owner=organiser_a,
        group=group_a,
    )
    assignment = CallAssignment.objects.create(
        name="Alpha calls", audience=search, group=group_a, created_by=organiser_a
    )
    campaign = TextCampaign.objects.create(
        name="Alpha texts",
        audience=search,
        message="Hi {given_name}",
        group=group_a,
        created_by=organiser_a,
    )
    return World(
        group_a, group_b, in_a, also_in_a, in_b, clients, event, place, search, assignment, campaign
    )


@dataclass
class Endpoint:
    name: str
    method: str
    url: Callable[[World], str]
    allowed: set[str]
    data: dict[str, str] | None = None


MANAGES_A = SEES_A | {"organiser_a_unverified"}


def _event(name: str) -> Callable[[World], str]:
    return lambda w: reverse(name, args=[w.event.pk])


def _person(name: str) -> Callable[[World], str]:
    return lambda w: reverse(name, args=[w.in_a.pk])


ENDPOINTS = [
    Endpoint("people list", "get", lambda w: reverse("people:list"), ORGANISERS_AND_NATIONAL),
    Endpoint("person page", "get", _person("people:detail"), SEES_A),
    Endpoint("edit person page", "get", _person("people:edit"), SEES_A),
    Endpoint("edit person", "post", _person("people:edit"), SEES_A, {"given_name": "Changed"}),
    Endpoint("add note", "post", _person("people:add_note"), SEES_A, {"text": "Met at the picket"}),
    Endpoint("add tag", "post", _person("people:add_tag"), SEES_A, {"name": "driver"}),
    Endpoint(
        "edit custom fields", "post", _person("people:edit_custom_fields"), SEES_A, {"x": "1"}
    ),
    Endpoint(
        "record consent",
        "post",
        _person("people:record_consent"),
        SEES_A,
        {"channel": "sms", "granted": "true", "method": "phone call"},
    ),
    Endpoint("merge search", "get", _person("people:merge_search"), SEES_A),
    Endpoint(
        "merge",
        "post",
        lambda w: reverse("people:merge", args=[w.in_a.pk, w.also_in_a.pk]),
        SEES_A,
        {"keep": "left", "confirm": "on"},
    ),
    Endpoint("export", "post", lambda w: reverse("people:export"), ORGANISERS_AND_NATIONAL, {}),
    Endpoint(
        "custom field definitions", "get", lambda w: reverse("people:custom_fields"), NATIONAL
    ),
    Endpoint(
        "import start", "get", lambda w: reverse("people:import_start"), ORGANISERS_AND_NATIONAL
    ),
    Endpoint(
        "organiser home", "get", lambda w: reverse("core:organiser_home"), ORGANISERS_AND_NATIONAL
    ),
    Endpoint("manage group A", "get", lambda w: reverse("groups:manage", args=["alpha"]), SEES_A),
    Endpoint(
        "find people for group A",
        "get",
        lambda w: reverse("groups:find_people", args=["alpha"]) + "?q=Betason",
        SEES_A,
    ),
    Endpoint(
        "add to group A",
        "post",
        lambda w: reverse("groups:add_member", args=["alpha"]),
        SEES_A,
        {"email": "bea@example.org"},
    ),
    Endpoint(
        "remove from group A",
        "post",
        lambda w: reverse("groups:remove_member", args=["alpha", w.in_a.pk]),
        SEES_A,
    ),
    Endpoint(
        "promote in group A",
        "post",
        lambda w: reverse("groups:set_role", args=["alpha", w.in_a.pk]),
        SEES_A,
        {"role": "organiser"},
    ),
    Endpoint(
        "edit group A",
        "post",
        lambda w: reverse("groups:edit", args=["alpha"]),
        SEES_A,
        {"description": "Changed"},
    ),
    Endpoint(
        "group A members' page",
        "get",
        lambda w: reverse("groups:members_page", args=["alpha"]),
        {"member", "organiser_a_unverified"} | SEES_A,
    ),
    Endpoint("check-in list of A's event", "get", _event("events:checkin"), SEES_A),
    Endpoint(
        "tick someone in",
        "post",
        lambda w: reverse("events:checkin_toggle", args=[w.event.pk, w.place.pk]),
        SEES_A,
        {"checked_in": "1"},
    ),
    Endpoint(
        "add a walk-in",
        "post",
        _event("events:walk_in"),
        SEES_A,
        {"given_name": "Walk", "family_name": "Inn", "email": "walk@example.org"},
    ),
    Endpoint("follow-up page", "get", _event("events:follow_up"), SEES_A),
    Endpoint(
        "send a follow-up",
        "post",
        _event("events:follow_up"),
        SEES_A,
        {"audience": "attended", "subject": "Thanks", "body": "Thank you for coming"},
    ),
    # Editing and cancelling show no one's personal data: organisers need not have verified 2FA.
    Endpoint("edit A's event", "get", _event("events:edit"), MANAGES_A),
    Endpoint("cancel A's event", "post", _event("events:cancel_event"), MANAGES_A, {}),
    Endpoint(
        "proposals to approve",
        "get",
        lambda w: reverse("events:approvals"),
        ORGANISERS_AND_NATIONAL,
    ),
]


SIGNED_IN = set(ROLES) - {"anonymous"}


def _pk(name: str, of: str) -> Callable[[World], str]:
    return lambda w: reverse(name, args=[getattr(w, of).pk])


OUTREACH_ENDPOINTS = [
    Endpoint("saved searches", "get", lambda w: reverse("searches:list"), ORGANISERS_AND_NATIONAL),
    Endpoint("A's saved search: its people", "get", _pk("searches:people", "search"), SEES_A),
    Endpoint("edit A's saved search", "get", _pk("searches:edit", "search"), SEES_A),
    Endpoint(
        "edit A's saved search (post)",
        "post",
        _pk("searches:edit", "search"),
        SEES_A,
        {"name": "Changed", "match": "all"},
    ),
    Endpoint(
        "live count", "post", lambda w: reverse("searches:count"), ORGANISERS_AND_NATIONAL, {}
    ),
    Endpoint("call banking", "get", lambda w: reverse("outreach:calls"), ORGANISERS_AND_NATIONAL),
    Endpoint("A's call bank progress", "get", _pk("outreach:call_detail", "assignment"), SEES_A),
    Endpoint(
        "start A's call bank",
        "post",
        _pk("outreach:call_status", "assignment"),
        SEES_A,
        {"action": "start"},
    ),
    # A volunteer's own pages: any account, but an organiser proves their second factor first.
    Endpoint(
        "my calling",
        "get",
        lambda w: reverse("outreach:my_calling"),
        SIGNED_IN - {"organiser_a_unverified"},
    ),
    # Lists campaigns by name (the ones I text for, and run): no one's personal data.
    Endpoint(
        "texting campaigns",
        "get",
        lambda w: reverse("outreach:text_campaigns"),
        SIGNED_IN,
    ),
    Endpoint("A's texting campaign", "get", _pk("outreach:text_campaign", "campaign"), SEES_A),
    Endpoint("A's conversations", "get", _pk("outreach:text_conversations", "campaign"), SEES_A),
    Endpoint(
        "start A's texting campaign",
        "post",
        _pk("outreach:text_campaign_change", "campaign"),
        SEES_A,
        {"do": "start"},
    ),
]
ENDPOINTS += OUTREACH_ENDPOINTS


def _writes() -> tuple[int, ...]:
    return (
        SavedSearch.objects.filter(name="Changed").count(),
        CallAssignment.objects.exclude(status="draft").count(),
        CallQueueEntry.objects.count(),
        CallAttempt.objects.count(),
        TextCampaign.objects.exclude(status="draft").count(),
        Conversation.objects.count(),
        TextMessage.objects.count(),
        Note.objects.count(),
        HistoryEvent.objects.count(),
        ConsentChange.objects.count(),
        Tag.people.through.objects.count(),
        Membership.objects.filter(role="organiser").count(),
        Membership.objects.count(),
        ExportRecord.objects.count(),
        Person.objects.count(),
        Person.objects.filter(given_name="Changed").count(),
        Group.objects.filter(description="Changed").count(),
        Attendance.objects.count(),
        Attendance.objects.filter(attended=True).count(),
        FollowUp.objects.count(),
        Event.objects.filter(status="cancelled").count(),
    )


def _is_refusal(role: str, response: Any) -> bool:
    status = response.status_code
    if role == "anonymous":
        return status == 302 and "/accounts/sign-in/" in response["Location"]
    if role == "organiser_a_unverified":
        return status == 302 and "/accounts/two-factor/" in response["Location"]
    return status in (403, 404)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.name)
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(world: World, role: str, endpoint: Endpoint) -> None:
    client = world.clients[role]
    before = _writes()
    call = getattr(client, endpoint.method)
    url = endpoint.url(world)
    response = call(url, endpoint.data) if endpoint.method == "post" else call(url)
    if role in endpoint.allowed:
        assert not _is_refusal(role, response), f"{role} was refused {endpoint.name}"
        # 400 is an allowed user's form error (this matrix sends minimal data); never 403/404/5xx.
        assert response.status_code in (200, 204, 302, 303, 400), (
            f"{role} got {response.status_code} on {endpoint.name}"
        )
    else:
        assert _is_refusal(role, response), (
            f"{role} was not refused {endpoint.name}: {response.status_code}"
        )
        assert _writes() == before, f"{endpoint.name} wrote something for {role}"


@pytest.mark.parametrize("role", sorted(ORGANISERS_AND_NATIONAL))
def test_the_people_list_shows_only_people_in_scope(world: World, role: str) -> None:
    body = world.clients[role].get(reverse("people:list")).content.decode()
    assert ("Alphason" in body) == (role in SEES_A)
    assert ("Betason" in body) == (role in NATIONAL | {"organiser_b"})


@pytest.mark.parametrize("role", sorted(ORGANISERS_AND_NATIONAL))
def test_an_export_holds_only_people_in_scope(world: World, role: str) -> None:
    response = world.clients[role].post(reverse("people:export"), {})
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert ("ada@example.org" in body) == (role in SEES_A)
    assert ("bea@example.org" in body) == (role in NATIONAL | {"organiser_b"})


def test_a_member_never_sees_other_members_on_the_members_page(world: World) -> None:
    body = world.clients["member"].get(reverse("groups:members_page", args=["alpha"])).content
    assert b"Alphason" not in body and b"ada@example.org" not in body


@pytest.mark.parametrize("role", ROLES)
def test_an_import_job_is_seen_only_by_whoever_started_it_or_national_roles(
    world: World, role: str
) -> None:
    from django.core.files.base import ContentFile

    owner = world.clients["organiser_a"].session["_auth_user_id"]
    job = ImportJob.objects.create(
        created_by_id=owner, original_name="a.csv", encoding="utf-8", headers=["email"]
    )
    job.file.save("a.csv", ContentFile(b"email\nx@example.org\n"))
    response = world.clients[role].get(reverse("people:import_detail", args=[job.pk]))
    if role in {"organiser_a"} | NATIONAL:
        assert response.status_code == 200
    else:
        assert _is_refusal(role, response)


@pytest.mark.parametrize("role", ROLES)
def test_only_a_verified_admin_reaches_the_django_admin(world: World, role: str) -> None:
    response = world.clients[role].get("/admin/people/person/")
    if role == "admin":
        assert response.status_code == 200
    else:
        assert response.status_code in (302, 403, 404)
