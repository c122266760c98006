"""The import journey through its pages: who may use it, upload, mapping, dry run, confirm, results."""

import csv
import io

import pytest
from django.urls import reverse

from groundswell.core.testing import make_user, signed_in_client, verified_client
from groundswell.people.models import ImportJob, Person, Tag

from .test_import_support import (
    check,
    csv_bytes,
    immediate_tasks,  # noqa: F401 - a fixture
    import_file,
    latest_job,
    upload,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]

GOOD = [
    [
        "first_name",
        "last_name",
        "email",
        "mobile_number",
        "zip_code",
        "tag_list",
        "can2_sms_status",
    ],
    ["Zoë", "Brontë", "zoe@example.org", "07712 345678", "sw1a1aa", "Housing", "subscribed"],
    ["Sam", "Okafor", "sam@example.org", "", "M1 1AE", "", ""],
]


def test_an_organiser_without_two_factor_is_sent_to_set_it_up(movement):
    response = signed_in_client(movement.organiser_a).get(reverse("people:import_start"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/two-factor/")


def test_a_member_is_refused(movement):
    response = verified_client(movement.member).get(reverse("people:import_start"))
    assert response.status_code == 403


def test_a_member_cannot_upload_either(movement):
    response = upload(verified_client(movement.member), csv_bytes(GOOD))
    assert response.status_code == 403
    assert not ImportJob.objects.exists()


def test_only_national_roles_see_my_import_and_only_i_can_change_it(
    movement, django_capture_on_commit_callbacks
):
    mine = movement.client(movement.organiser_a)
    upload(mine, csv_bytes(GOOD + [["Bad", "Row", "nope", "", "", "", ""]]), group=movement.group_a)
    job = latest_job()
    with django_capture_on_commit_callbacks(execute=True):
        check(mine, job)
    other_organiser = make_user()
    from groundswell.core.testing import add_member
    from groundswell.groups.models import Membership

    assert other_organiser.person is not None
    add_member(movement.group_a, other_organiser.person, Membership.Role.ORGANISER)
    looks = ("import_detail", "import_errors", "import_progress")
    outsider, national = verified_client(other_organiser), verified_client(movement.national)
    for name in (*looks, "import_mapping"):
        assert outsider.get(reverse(f"people:{name}", args=[job.pk])).status_code == 404
    for name in looks:
        assert national.get(reverse(f"people:{name}", args=[job.pk])).status_code in (200, 204)
    assert national.get(reverse("people:import_mapping", args=[job.pk])).status_code == 404
    for client in (outsider, national):
        assert client.post(reverse("people:import_confirm", args=[job.pk])).status_code == 404
    job.refresh_from_db()
    assert job.status == ImportJob.Status.CHECKED


def test_an_organiser_imports_into_a_group_they_organise(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.organiser_a)
    Tag.objects.create(name="Housing")
    job = import_file(
        client, csv_bytes(GOOD), django_capture_on_commit_callbacks, group=movement.group_a
    )
    assert job.status == ImportJob.Status.DONE, job.failure
    assert (job.created_count, job.updated_count, job.error_rows) == (2, 0, 0)
    zoe = Person.objects.get(emails__address="zoe@example.org")
    assert zoe.memberships.get().group == movement.group_a
    assert zoe.postal_code == "SW1A 1AA" and zoe.constituency is not None
    assert [t.name for t in zoe.tags.all()] == ["Housing"]
    assert zoe.sms_consent and zoe.consent_changes.get().method == "import: people.csv"
    assert zoe.phones.get().number == "+447712345678"
    kinds = set(zoe.history.values_list("kind", flat=True))
    assert kinds == {"created", "consent", "added_to_group"}
    page = client.get(reverse("people:import_detail", args=[job.pk]))
    assert '2</p><p class="stat-label">people added' in page.content.decode().replace("\n", "")


def test_an_organiser_must_choose_one_of_their_own_groups(movement):
    client = movement.client(movement.organiser_a)
    response = upload(client, csv_bytes(GOOD), group=movement.group_b)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    response = upload(client, csv_bytes(GOOD))
    assert "This field is required" in response.content.decode()
    assert not ImportJob.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"PK\x03\x04" + b"\x00" * 200, "Excel workbook (.xlsx)"),
        (b"GIF89a" + bytes(range(256)), "image"),
        (b"email,name\x00\x01\x02" * 50, "binary file"),
        (b"", "The submitted file is empty."),
        (b"jo@example.org,Jo\n", "looks like data"),
    ],
)
def test_upload_refuses_files_that_are_not_csv_with_a_clear_message(movement, content, message):
    response = upload(movement.client(movement.national), content, name="members.csv")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportJob.objects.exists()


def test_the_mapping_page_guesses_columns_and_says_how_the_file_was_read(movement):
    client = movement.client(movement.national)
    upload(client, "email;first_name\nzoe@example.org;Zoë\n".encode("cp1252"))
    job = latest_job()
    page = client.get(reverse("people:import_mapping", args=[job.pk])).content.decode()
    assert "Windows-1252" in page and "semicolon separated" in page
    assert job.mapping["columns"] == ["email", "given_name"]
    assert "e.g. Zoë" in page


def test_a_mapping_with_nothing_to_match_on_is_refused(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    upload(client, csv_bytes(GOOD))
    job = latest_job()
    with django_capture_on_commit_callbacks(execute=True):
        response = check(client, job, ["given_name", "family_name", "", "", "", "", ""])
    assert "email addresses or mobile numbers" in response.content.decode()
    job.refresh_from_db()
    assert job.status == ImportJob.Status.UPLOADED


def test_the_dry_run_lists_every_problem_by_row_and_writes_nothing(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    rows = [
        GOOD[0],
        ["Ann", "Ok", "ann@example.org", "", "SW1A 1AA", "", ""],
        ["=cmd|' /C calc'!A0", "Evil", "not an email", "", "", "", ""],
        ["Bob", "Phone", "bob@example.org", "0771234", "", "", ""],
        ["Cy", "Typo", "cy@example.org", "", "SWIA 1AA", "", ""],
        ["Di", "Nowhere", "di@example.org", "", "S01 1AA", "", ""],
        ["Ed", "Dup", "ANN@example.org", "", "", "", ""],
        ["Flo", "Tag", "flo@example.org", "", "", "Mystery", ""],
    ]
    people_before = Person.objects.count()
    upload(client, csv_bytes(rows))
    job = latest_job()
    with django_capture_on_commit_callbacks(execute=True):
        check(client, job)
    job.refresh_from_db()
    assert Person.objects.count() == people_before and not Tag.objects.exists()
    report = job.report
    assert (report["rows"], report["ok"], report["problem_rows"], report["new"]) == (7, 1, 6, 1)
    problems = {p["row"]: p["problems"] for p in report["problems"]}
    assert problems == {
        3: ["email: “not an email” is not a valid email address."],
        4: ["mobile_number: “0771234” is not a valid phone number."],
        5: ["zip_code: “SWIA 1AA” isn't a valid postcode. Did you mean SW1A 1AA?"],
        6: ["zip_code: We don't recognise the postcode area S01. Did you mean SO1 1AA?"],
        7: ["duplicate in file: same email address as row 2"],
        8: ["tag_list: unknown tag “Mystery” (tick “create new tags” to add it)"],
    }
    assert report["unknown_tags"] == {"Mystery": 1}
    page = client.get(reverse("people:import_detail", args=[job.pk])).content.decode()
    assert "Row 5" in page and "Did you mean SW1A 1AA?" in page
    download = client.get(reverse("people:import_errors", args=[job.pk]))
    assert download["Content-Disposition"].startswith('attachment; filename="people-problems.csv"')
    lines = list(csv.reader(io.StringIO(b"".join(download.streaming_content).decode("utf-8-sig"))))
    assert lines[0] == ["row", "problems", *GOOD[0]]
    assert lines[1][:3] == [
        "3",
        "email: “not an email” is not a valid email address.",
        "'=cmd|' /C calc'!A0",
    ]
    assert [line[0] for line in lines[1:]] == ["3", "4", "5", "6", "7", "8"]


def test_duplicates_in_the_file_are_caught_by_email_and_by_mobile(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    rows = [
        ["email", "mobile"],
        ["a@example.org", "07712 345678"],
        ["b@example.org", "+44 7712 345 679"],
        ["A@Example.org", ""],
        ["c@example.org", "07712345679"],
    ]
    upload(client, csv_bytes(rows))
    job = latest_job()
    with django_capture_on_commit_callbacks(execute=True):
        check(client, job)
    job.refresh_from_db()
    assert job.report["problems"] == [
        {"row": 4, "problems": ["duplicate in file: same email address as row 2"]},
        {"row": 5, "problems": ["duplicate in file: same mobile number as row 3"]},
    ]


def test_the_progress_fragment_polls_while_running_and_reloads_when_done(
    movement, django_capture_on_commit_callbacks
):
    client = movement.client(movement.national)
    upload(client, csv_bytes(GOOD))
    job = latest_job()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.RUNNING, total_rows=2)
    from groundswell.people.importing.progress import report_progress

    report_progress(job.pk, "importing", 1, 2)
    fragment = client.get(reverse("people:import_progress", args=[job.pk]))
    assert 'hx-trigger="every 1s"' in fragment.content.decode()
    assert 'aria-valuenow="50"' in fragment.content.decode()
    ImportJob.objects.filter(pk=job.pk).update(status=ImportJob.Status.DONE)
    finished = client.get(reverse("people:import_progress", args=[job.pk]))
    assert finished.status_code == 204 and finished["HX-Refresh"] == "true"


def test_the_import_page_costs_a_fixed_number_of_queries(
    movement, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    client = movement.client(movement.national)
    job = import_file(client, csv_bytes(GOOD), django_capture_on_commit_callbacks, create_tags=True)
    with django_assert_max_num_queries(12):
        client.get(reverse("people:import_detail", args=[job.pk]))
    with django_assert_max_num_queries(12):
        client.get(reverse("people:import_start"))
