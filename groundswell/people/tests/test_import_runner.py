"""What an import writes: upsert semantics in bulk, all or nothing, once only, within the importer's reach."""

import pytest
from django.urls import reverse

from groundswell.core.testing import PersonFactory, add_member
from groundswell.people.actions import PersonDetails, record_consent, upsert_person
from groundswell.people.contact import normalise_phone
from groundswell.people.importing import writer as writer_module
from groundswell.people.importing.runner import run_import
from groundswell.people.models import (
    ConsentChange,
    EmailAddress,
    HistoryEvent,
    ImportJob,
    Person,
    PhoneNumber,
    Tag,
)

from .test_import_support import (
    csv_bytes,
    immediate_tasks,  # noqa: F401 - a fixture
    import_file,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
HEADER = [
    "first_name",
    "last_name",
    "email",
    "phone",
    "postcode",
    "tags",
    "email_opt_in",
    "member_since",
]


def many_rows(count: int, start: int = 0) -> list[list[str]]:
    return [
        [
            f"P{i}",
            "Tester",
            f"row{i}@import.example",
            f"0771{i:07d}",
            "M1 1AE",
            "Housing",
            "yes",
            "",
        ]
        for i in range(start, start + count)
    ]


def test_reimporting_the_same_file_updates_rather_than_duplicates(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    content = csv_bytes([HEADER, *many_rows(30)])
    first = import_file(client, content, django_capture_on_commit_callbacks, create_tags=True)
    people, history = Person.objects.count(), HistoryEvent.objects.count()
    second = import_file(client, content, django_capture_on_commit_callbacks, create_tags=True)
    assert (first.created_count, second.created_count, second.updated_count) == (30, 0, 0)
    assert second.report["unchanged"] == 30 and second.report["matched"] == 30
    assert Person.objects.count() == people and HistoryEvent.objects.count() == history
    assert EmailAddress.objects.filter(address__endswith="@import.example").count() == 30
    assert ConsentChange.objects.count() == 30


def test_an_import_updates_people_on_record_as_upsert_person_would(
    movement, django_capture_on_commit_callbacks
):
    housing = Tag.objects.create(name="Housing")
    kept, by_mobile = _two_people_on_record()
    people = Person.objects.count()
    rows = [
        HEADER,
        ["Joanna", "", "JO@example.org", "07712 999999", "sw1a 1aa", "housing", "yes", "01/02/2020"],
        ["Mo", "Mobile", "", "07712000001", "", "", "", ""],
    ]  # fmt: skip
    job = import_file(
        movement.client(movement.national),
        csv_bytes(rows),
        django_capture_on_commit_callbacks,
        name="spring.csv",
    )
    assert (job.created_count, job.updated_count) == (0, 2)
    kept.refresh_from_db()
    _assert_updated_like_upsert_person(kept, housing, movement.national)
    by_mobile.refresh_from_db()
    assert (by_mobile.given_name, by_mobile.family_name) == ("Mo", "Mobile")
    assert Person.objects.count() == people


def _two_people_on_record() -> tuple[Person, Person]:
    """Jo (matched by email, email consent withdrawn) and someone known only by mobile."""
    kept, _ = upsert_person(
        PersonDetails(
            given_name="Jo",
            family_name="Bloggs",
            email="jo@example.org",
            locality="Leeds",
            tags=["NHS"],
        ),
        method="sign-up form",
    )
    by_mobile, _ = upsert_person(
        PersonDetails(phone=normalise_phone("07712 000001")), method="sign-up form"
    )
    record_consent(kept, "email", False, "sign-up form")
    return kept, by_mobile


def _assert_updated_like_upsert_person(kept: Person, housing: Tag, importer: object) -> None:
    assert (kept.given_name, kept.family_name, kept.locality) == (
        "Joanna",
        "Bloggs",
        "Leeds",
    )  # blanks never erase
    assert (
        kept.postal_code == "SW1A 1AA"
        and kept.constituency_id
        and kept.location_precision == "district"
    )
    assert str(kept.member_since) == "2020-02-01"
    assert set(kept.tags.values_list("name", flat=True)) == {"NHS", housing.name}
    assert kept.email_consent is True
    change = kept.consent_changes.order_by("-id").first()
    assert change is not None
    assert (change.granted, change.method, change.recorded_by) == (
        True,
        "import: spring.csv",
        importer,
    )
    assert kept.phones.get().number == "+447712999999" and kept.phones.get().primary
    updated = kept.history.get(kind="updated")
    assert (
        updated.summary
        == "Details updated (import: spring.csv): given_name, postal_code, lat, lng, location_precision, constituency_id, member_since"
    )


def test_a_row_matching_the_same_person_as_an_earlier_row_is_a_duplicate(
    movement, django_capture_on_commit_callbacks
):
    upsert_person(
        PersonDetails(email="jo@example.org", phone=normalise_phone("07712 000001")), method="test"
    )
    rows = [
        HEADER,
        ["Jo", "", "jo@example.org", "", "", "", "", ""],
        ["Joe", "", "other@example.org", "07712000001", "", "", "", ""],
    ]
    job = import_file(
        movement.client(movement.national), csv_bytes(rows), django_capture_on_commit_callbacks
    )
    assert job.report["problems"] == [
        {"row": 3, "problems": ["duplicate in file: matches the same person on record as row 2"]}
    ]
    assert not EmailAddress.objects.filter(address="other@example.org").exists()


def test_a_mobile_someone_else_holds_is_not_moved_to_the_row_matched_by_email(
    movement, django_capture_on_commit_callbacks
):
    owner, _ = upsert_person(PersonDetails(phone=normalise_phone("07712 000001")), method="test")
    rows = [HEADER, ["New", "Person", "new@example.org", "", "", "", "", ""]]
    import_file(
        movement.client(movement.national), csv_bytes(rows), django_capture_on_commit_callbacks
    )
    # The row has no mobile so it creates a person; the mobile stays with its owner.
    assert PhoneNumber.objects.get(number="+447712000001").person == owner


def test_an_organisers_import_leaves_people_outside_their_groups_alone(
    movement, django_capture_on_commit_callbacks
):
    outsider_email = movement.in_b.emails.get().address
    insider_email = movement.in_a.emails.get().address
    rows = [
        HEADER,
        ["Changed", "", outsider_email, "", "", "", "", ""],
        ["Renamed", "", insider_email, "", "", "", "", ""],
    ]
    job = import_file(
        movement.client(movement.organiser_a),
        csv_bytes(rows),
        django_capture_on_commit_callbacks,
        group=movement.group_a,
    )
    movement.in_b.refresh_from_db()
    movement.in_a.refresh_from_db()
    assert (
        movement.in_b.given_name == "Bea"
        and not movement.in_b.memberships.filter(group=movement.group_a).exists()
    )
    assert movement.in_a.given_name == "Renamed"
    assert job.report["outside"] == 1 and job.error_rows == 0
    assert outsider_email not in str(job.report)


def test_an_import_is_all_or_nothing(movement, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr("groundswell.people.importing.pipeline.CHUNK_ROWS", 10)
    original, calls = writer_module.ChunkWriter.write, []

    def fail_on_the_third_chunk(self, chunk):  # type: ignore[no-untyped-def]
        calls.append(chunk.rows)
        if len(calls) == 3:
            raise RuntimeError("The disk caught fire")
        original(self, chunk)

    monkeypatch.setattr(writer_module.ChunkWriter, "write", fail_on_the_third_chunk)
    people, tags = Person.objects.count(), Tag.objects.count()
    job = import_file(
        movement.client(movement.national),
        csv_bytes([HEADER, *many_rows(45)]),
        django_capture_on_commit_callbacks,
        create_tags=True,
    )
    assert calls == [10, 10, 10]
    assert job.status == ImportJob.Status.FAILED
    assert job.failure == "The import stopped: The disk caught fire. Nothing was imported."
    assert (Person.objects.count(), Tag.objects.count()) == (people, tags)
    assert not EmailAddress.objects.filter(address__endswith="@import.example").exists()
    page = movement.client(movement.national).get(reverse("people:import_detail", args=[job.pk]))
    assert "The disk caught fire" in page.content.decode()


def test_a_job_delivered_twice_is_imported_once(movement, django_capture_on_commit_callbacks):
    from groundswell.people.tasks import import_people

    job = import_file(
        movement.client(movement.national),
        csv_bytes([HEADER, *many_rows(5)]),
        django_capture_on_commit_callbacks,
        create_tags=True,
    )
    history = HistoryEvent.objects.count()
    run_import(job.pk)
    import_people.enqueue(job.pk)
    job.refresh_from_db()
    assert job.status == ImportJob.Status.DONE and job.created_count == 5
    assert HistoryEvent.objects.count() == history
    assert Person.objects.filter(family_name="Tester").count() == 5


def test_the_upload_is_deleted_once_imported_but_the_problems_are_kept(
    movement, django_capture_on_commit_callbacks
):
    rows = [HEADER, *many_rows(2), ["Bad", "", "bad", "", "", "", "", ""]]
    job = import_file(
        movement.client(movement.national),
        csv_bytes(rows),
        django_capture_on_commit_callbacks,
        create_tags=True,
    )
    assert not job.file and job.error_file
    response = movement.client(movement.national).get(
        reverse("people:import_errors", args=[job.pk])
    )
    assert b"bad" in b"".join(response.streaming_content)


def test_people_already_in_the_group_are_not_added_twice(
    movement, django_capture_on_commit_callbacks
):
    rows = [HEADER, ["Ada", "", movement.in_a.emails.get().address, "", "", "", "", ""]]
    import_file(
        movement.client(movement.organiser_a),
        csv_bytes(rows),
        django_capture_on_commit_callbacks,
        group=movement.group_a,
    )
    assert movement.in_a.memberships.filter(group=movement.group_a).count() == 1


def test_a_person_in_another_group_of_the_organiser_joins_the_chosen_one(
    movement, django_capture_on_commit_callbacks
):
    from groundswell.core.testing import GroupFactory
    from groundswell.groups.models import Group, Membership

    group_c: Group = GroupFactory(name="Gamma")  # type: ignore[assignment]
    assert movement.organiser_a.person is not None
    add_member(group_c, movement.organiser_a.person, Membership.Role.ORGANISER)
    person: Person = PersonFactory()  # type: ignore[assignment]
    add_member(group_c, person)
    rows = [HEADER, ["", "", person.emails.get().address, "", "", "", "", ""]]
    import_file(
        movement.client(movement.organiser_a),
        csv_bytes(rows),
        django_capture_on_commit_callbacks,
        group=movement.group_a,
    )
    assert set(person.memberships.values_list("group__name", flat=True)) == {"Gamma", "Alpha Group"}
