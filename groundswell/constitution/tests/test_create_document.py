"""Creating a document through the organiser's form: version 1 from the pasted text, and refusals."""

import pytest

from groundswell.accounts.models import Role
from groundswell.constitution.models import ClauseText, Document
from groundswell.constitution.tests.helpers import TEXT, member_user
from groundswell.core.testing import GroupFactory, add_member, make_user, signed_in_client
from groundswell.groups.models import Group, Membership

pytestmark = pytest.mark.django_db


def make_group() -> Group:
    return GroupFactory.create()


FORM = {"title": "Rules", "owner": "national", "threshold": "two_thirds", "seconders_required": "2",
        "amendments_open": "2026-02-01T09:00", "amendments_close": "2026-02-15T09:00", "text": TEXT}  # fmt: skip


def test_a_national_organiser_creates_version_one_with_numbered_clauses() -> None:
    client = signed_in_client(make_user(Role.NATIONAL_ORGANISER))
    response = client.post("/constitution/new/", FORM)
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/constitution/{document.pk}/"
    rows = ClauseText.objects.filter(version__document=document, version__number=1)
    assert list(rows.values_list("number", "text")) == [
        (1, "The movement is called Groundswell."), (2, "Members pay dues each year."),
        (3, "The national committee has nine members."), (4, "Conference meets once a year."),
    ]  # fmt: skip
    assert document.group is None and document.threshold == "two_thirds"


def test_a_group_organiser_creates_their_groups_document_but_not_a_national_one() -> None:
    user = member_user()
    group = make_group()
    add_member(group, user.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    client = signed_in_client(user)
    refused = client.post("/constitution/new/", FORM)
    assert refused.status_code == 400 and not Document.objects.exists()
    assert client.post("/constitution/new/", FORM | {"owner": str(group.pk)}).status_code == 302
    assert Document.objects.get().group == group


def test_a_plain_member_is_refused_the_form_and_writes_nothing() -> None:
    other = make_group()
    client = signed_in_client(member_user())
    assert client.get("/constitution/new/").status_code == 403
    assert "New document" not in client.get("/constitution/").text
    response = client.post("/constitution/new/", FORM | {"owner": str(other.pk)})
    assert response.status_code == 403
    assert not Document.objects.exists()


def test_an_organiser_cannot_create_a_document_for_a_group_they_do_not_organise() -> None:
    user = member_user()
    add_member(make_group(), user.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    response = signed_in_client(user).post(
        "/constitution/new/", FORM | {"owner": str(make_group().pk)}
    )
    assert response.status_code == 400 and "Select a valid choice" in response.text
    assert not Document.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [{"text": "  \n\n "}, {"text": "x\x00y"}, {"amendments_close": "2026-01-01T09:00"},
     {"threshold": "unanimous"}, {"seconders_required": "-1"}, {"title": ""},
     {"amendments_open": "not a date"}, {"owner": "999999"}],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message_and_writes_nothing(bad: dict[str, str]) -> None:
    client = signed_in_client(make_user(Role.NATIONAL_ORGANISER))
    response = client.post("/constitution/new/", FORM | bad)
    assert response.status_code == 400
    assert 'class="errorlist' in response.text or "message-error" in response.text
    assert not Document.objects.exists() and not ClauseText.objects.exists()
