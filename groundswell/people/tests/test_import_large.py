"""A big file: 100,000 rows checked and imported in one go, quickly and without holding it in memory."""

import time

import pytest

from groundswell.people.models import EmailAddress, Person, PhoneNumber

from .test_import_support import (
    csv_bytes,
    immediate_tasks,  # noqa: F401 - a fixture
    import_file,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("immediate_tasks")]
ROWS = 100_000
DISTRICTS = ["M1", "LS6", "SW1A", "CF10", "EH1", "BT7", "G12", "NE1", "B15", "BS8"]


def big_file() -> bytes:
    rows = [["first_name", "last_name", "email", "mobile_number", "zip_code", "tag_list"]]
    for i in range(ROWS):
        email = (
            f"member{i}@example.org" if i % 1000 != 7 else f"member{i} at example.org"
        )  # 100 bad
        postcode = f"{DISTRICTS[i % 10]} {i % 10}{'ABD'[i % 3]}{'EFG'[i % 3]}"
        rows.append(
            [f"Given{i}", "Family", email, f"0771{i:07d}", postcode, "Big import" if i % 2 else ""]
        )
    return csv_bytes(rows)


def test_a_100000_row_file_is_checked_and_imported(movement, django_capture_on_commit_callbacks):
    content = big_file()
    people = Person.objects.count()
    started = time.perf_counter()
    job = import_file(
        movement.client(movement.national),
        content,
        django_capture_on_commit_callbacks,
        create_tags=True,
    )
    elapsed = time.perf_counter() - started
    assert job.status == "done", job.failure
    assert (job.total_rows, job.created_count, job.error_rows) == (ROWS, ROWS - 100, 100)
    assert Person.objects.count() == people + ROWS - 100
    assert PhoneNumber.objects.filter(number__startswith="+44771").count() == ROWS - 100
    assert EmailAddress.objects.filter(address="member99999@example.org").exists()
    assert (
        Person.objects.filter(tags__name="Big import").count() == ROWS // 2 - 100
    )  # the bad rows are odd
    assert elapsed < 120, f"a 100,000-row import took {elapsed:.0f} s"
