"""The demo movement: deterministic, believable, real places, and it never lands on top of real people."""

from collections import Counter
from datetime import UTC, datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_otp.plugins.otp_totp.models import TOTPDevice

from groundswell.accounts.models import User
from groundswell.core.demo.logins_plan import DEMO_LOGIN_EMAILS, DEMO_PASSWORD
from groundswell.core.demo.plan import plan_movement
from groundswell.core.demo.store_places import load_places
from groundswell.geo.models import Constituency, PostcodeDistrict
from groundswell.geo.queries import locate_many
from groundswell.groups.models import Group, GroupKind, Membership
from groundswell.people.contact import normalise_email, normalise_phone
from groundswell.people.models import ConsentChange, EmailAddress, Person, PhoneNumber

pytestmark = pytest.mark.django_db


def load(seed: int = 2026, people: int = 500, flush: bool = False) -> str:
    out = StringIO()
    args = ["--seed", str(seed), "--people", str(people)] + (["--flush"] if flush else [])
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def people_in_order() -> list[tuple[str, str, str, str]]:
    return list(
        Person.objects.order_by("id").values_list(
            "given_name", "family_name", "emails__address", "postal_code"
        )
    )


@pytest.fixture
def demo() -> str:
    return load()


def test_the_same_seed_builds_the_same_people_in_the_same_order() -> None:
    load(seed=11)
    first = people_in_order()
    load(seed=11, flush=True)
    assert people_in_order() == first
    load(seed=12, flush=True)
    assert people_in_order() != first


def test_it_creates_every_kind_of_group_and_150_local_groups(demo: str) -> None:
    kinds = Counter(Group.objects.values_list("kind", flat=True))
    assert set(kinds) == set(GroupKind.values)
    assert kinds[GroupKind.LOCAL] == 150


def test_every_person_has_a_valid_email_a_position_and_a_constituency(demo: str) -> None:
    assert Person.objects.count() == 500
    for person in Person.objects.prefetch_related("emails"):
        addresses = [e.address for e in person.emails.all()]
        assert len(addresses) == 1 and normalise_email(addresses[0]) == addresses[0]
        assert person.lat is not None and person.lng is not None
        assert person.location_precision == "district" and person.constituency_id is not None


def test_demo_emails_are_on_reserved_domains_only(demo: str) -> None:
    domains = {a.split("@")[1] for a in EmailAddress.objects.values_list("address", flat=True)}
    assert domains <= {"example.org", "example.net", "example.com"}


def test_mobiles_are_valid_uk_mobiles_and_most_people_have_one(demo: str) -> None:
    numbers = list(PhoneNumber.objects.values_list("number", flat=True))
    assert len(numbers) > 0.75 * 500
    for number in numbers:
        phone = normalise_phone(number)
        assert phone.number == number and phone.number_type == "mobile"


def test_postcodes_are_in_real_districts_near_their_centre(demo: str) -> None:
    districts = {d.code: d for d in PostcodeDistrict.objects.all()}
    people = list(Person.objects.values_list("postal_code", "lat", "lng", "constituency_id"))
    located = locate_many([p[0] for p in people])
    for postal_code, lat, lng, constituency_id in people:
        district = districts[postal_code.split()[0]]
        location = located[postal_code]
        assert not isinstance(location, Exception), location
        assert location.district == district.code and location.postal_code == postal_code
        assert constituency_id == district.constituency_id
        assert lat is not None and abs(lat - district.lat) < 0.05
        assert lng is not None and abs(lng - district.lng) < 0.08


def test_local_groups_cover_real_constituencies_with_their_districts(demo: str) -> None:
    for group in Group.objects.filter(kind=GroupKind.LOCAL).prefetch_related(
        "constituencies", "districts"
    ):
        (seat,) = group.constituencies.all()
        assert group.name == f"{seat.name} Groundswell"
        assert (group.lat, group.lng) == (seat.centroid_lat, seat.centroid_lng)
        assert {d.constituency_id for d in group.districts.all()} == {seat.pk}


def test_local_groups_span_every_nation(demo: str) -> None:
    seats = Constituency.objects.filter(groups__kind=GroupKind.LOCAL)
    assert set(seats.values_list("country", flat=True)) == {
        "England",
        "Scotland",
        "Wales",
        "Northern Ireland",
    }


def test_local_group_members_live_in_its_area(demo: str) -> None:
    local = Membership.objects.filter(group__kind=GroupKind.LOCAL, role=Membership.Role.MEMBER)
    for membership in local.select_related("person").prefetch_related("group__constituencies"):
        seat_ids = {c.pk for c in membership.group.constituencies.all()}
        assert membership.person.constituency_id in seat_ids


def test_every_group_has_an_organiser(demo: str) -> None:
    organised = Membership.objects.filter(role=Membership.Role.ORGANISER)
    assert set(organised.values_list("group_id", flat=True)) == set(
        Group.objects.values_list("id", flat=True)
    )


def test_consent_is_recorded_per_channel_and_matches_the_record(demo: str) -> None:
    for person in Person.objects.prefetch_related("consent_changes")[:200]:
        latest = {}
        for change in sorted(person.consent_changes.all(), key=lambda c: (c.at, c.id)):
            latest[change.channel] = change.granted
        assert "email" in latest
        assert latest.get("sms", False) == person.sms_consent
        assert latest["email"] == person.email_consent
    assert ConsentChange.objects.filter(granted=False, method="unsubscribe link").exists()


def test_demo_logins_sign_in_with_the_printed_password_and_two_factor(demo: str) -> None:
    assert "Demo logins" in demo and "invented" in demo and DEMO_PASSWORD in demo
    users = {u.email: u for u in User.objects.filter(email__in=DEMO_LOGIN_EMAILS)}
    assert set(users) == set(DEMO_LOGIN_EMAILS)
    for email, user in users.items():
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.filter(person=user.person, address=email).exists()
        device = TOTPDevice.objects.filter(user=user, name="demo", confirmed=True)
        assert device.exists() == (email != "member@example.org")
    assert users["admin@example.org"].is_superuser and users["admin@example.org"].is_staff
    assert users["national@example.org"].role == "national_organiser"
    assert users["data@example.org"].role == "data_officer"


def test_organiser_logins_organise_the_groups_the_summary_names(demo: str) -> None:
    for email in ("organiser@example.org", "organiser2@example.org"):
        user = User.objects.get(email=email)
        organised = Group.objects.filter(
            memberships__person=user.person, memberships__role=Membership.Role.ORGANISER
        )
        assert organised.exists()
        assert all(group.name in demo for group in organised)
    member = User.objects.get(email="member@example.org")
    assert not Membership.objects.filter(person=member.person, role="organiser").exists()
    assert Membership.objects.filter(person=member.person, group__kind=GroupKind.LOCAL).exists()


def test_running_it_again_without_flush_refuses_and_changes_nothing(demo: str) -> None:
    before = people_in_order()
    with pytest.raises(CommandError, match="already loaded.*--flush"):
        load(seed=99)
    assert people_in_order() == before


def test_it_refuses_to_load_over_real_people_unless_flushed() -> None:
    real = Person.objects.create(given_name="Real", family_name="Member")
    EmailAddress.objects.create(person=real, address="real.member@gmail.com", primary=True)
    with pytest.raises(CommandError, match="1 people who are not part of the demo"):
        load()
    assert list(Person.objects.all()) == [real]
    load(flush=True)
    assert not Person.objects.filter(pk=real.pk).exists()


def test_people_are_spread_in_proportion_to_population() -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    plan = plan_movement(2026, 20000, load_places(), now)
    by_district = Counter(p.district.code for p in plan.people)
    by_area = Counter(p.district.code.rstrip("0123456789") for p in plan.people)
    assert by_district["SE1"] > 10 * max(by_district["ZE3"], 1)  # 3,677 postcodes against 13
    assert by_area["B"] > 5 * by_area["ZE"]
    assert len(by_district) > 1500  # spread over most of the country, not a handful of places
    statuses = Counter(p.status for p in plan.people)
    assert 0.60 < statuses["member"] / 20000 < 0.70
    assert 0.25 < statuses["supporter"] / 20000 < 0.35
    assert 0.03 < statuses["lapsed"] / 20000 < 0.07


def test_if_empty_loads_once_then_only_prints_the_logins() -> None:
    out = StringIO()
    call_command("load_demo", "--people", "200", "--if-empty", stdout=out)
    before = people_in_order()
    assert len(before) == 200 and "Demo logins" in out.getvalue()
    again = StringIO()
    call_command("load_demo", "--people", "200", "--if-empty", stdout=again)
    assert "already loaded" in again.getvalue() and "organiser@example.org" in again.getvalue()
    assert people_in_order() == before


def test_if_empty_leaves_a_database_with_real_people_alone() -> None:
    real = Person.objects.create(given_name="Real", family_name="Member")
    out = StringIO()
    call_command("load_demo", "--if-empty", stdout=out)
    assert "not loaded" in out.getvalue()
    assert list(Person.objects.all()) == [real]
