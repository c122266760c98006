"""In a real browser (headless Chromium, phone-sized): an organiser imports a CSV file and sees the people."""

import pytest

from groundswell.core.testing import GroupFactory, add_member, make_user, verified_client
from groundswell.groups.models import Group, Membership

from .test_import_support import (
    csv_bytes,
    immediate_tasks,  # noqa: F401 - a fixture
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.usefixtures("immediate_tasks"),
]


def test_an_organiser_imports_a_csv_file_and_sees_the_people(phone_page, live_server, tmp_path):
    group: Group = GroupFactory(name="Hackney Housing Action")  # type: ignore[assignment]
    organiser = make_user()
    assert organiser.person is not None
    add_member(group, organiser.person, Membership.Role.ORGANISER)
    session = verified_client(organiser).cookies["sessionid"].value
    phone_page.context.add_cookies(
        [{"name": "sessionid", "value": session, "url": live_server.url}]
    )
    upload = tmp_path / "stall-signups.csv"
    upload.write_bytes(
        csv_bytes([
            ["First name", "Last name", "Email", "Mobile", "Postcode"],
            ["Zoë", "Brontë", "zoe@example.org", "07712 345678", "E8 1AA"],
            ["Kwame", "Mensah", "kwame@example.org", "", "E8 2BB"],
            ["Oops", "Typo", "not-an-email", "", ""],
        ], encoding="cp1252")
    )  # fmt: skip

    page = phone_page
    page.goto("/people/import/")
    page.get_by_label("CSV file").set_input_files(str(upload))
    page.get_by_label("Add everyone to the group").select_option(label="Hackney Housing Action")
    page.get_by_role("button", name="Upload and choose columns").click()
    page.get_by_text("read as Windows-1252").wait_for()
    page.get_by_role("button", name="Check every row").click()
    page.get_by_text("people would be added").wait_for()
    assert page.get_by_text("Row 4").is_visible()
    page.get_by_role("button", name="Import 2 rows").click()
    page.get_by_role("heading", name="Imported").wait_for()
    page.get_by_role("link", name="See the people").click()
    page.get_by_role("link", name="Zoë Brontë").wait_for()
    assert page.get_by_role("link", name="Kwame Mensah").is_visible()
