"""Proposing an amendment through the form: eligible members, inside the window, with valid text."""

import pytest
from freezegun import freeze_time

from groundswell.constitution.actions import DocumentSpec, create_document
from groundswell.constitution.models import Amendment
from groundswell.constitution.tests.helpers import (
    AFTER_WINDOW,
    CLOSES,
    DURING,
    OPENS,
    TEXT,
    clause,
    member_user,
    national_document,
)
from groundswell.core.testing import GroupFactory, add_member, make_user, signed_in_client
from groundswell.democracy.tests.ballot_helpers import member
from groundswell.groups.models import Group, Membership

pytestmark = pytest.mark.django_db


def make_group() -> Group:
    return GroupFactory.create()


REPLACE = {"kind": "replace", "text": "The national committee has eleven members.",
           "reason": "More voices."}  # fmt: skip


def url(document: object, number: int) -> str:
    return f"/constitution/clauses/{clause(document, number).pk}/propose/"  # type: ignore[arg-type]


def test_an_eligible_member_proposes_a_replacement_inside_the_window() -> None:
    document = national_document()
    user = member_user()
    with freeze_time(DURING):
        response = signed_in_client(user).post(url(document, 3), REPLACE)
    amendment = Amendment.objects.get()
    assert (
        response.status_code == 302
        and response["Location"] == f"/constitution/amendments/{amendment.pk}/"
    )
    assert (amendment.kind, amendment.text, amendment.proposer) == (
        "replace",
        REPLACE["text"],
        user.person,
    )
    assert amendment.status == "proposed" and amendment.version.number == 1


@pytest.mark.parametrize("moment", [OPENS.replace(hour=8), CLOSES, AFTER_WINDOW])
def test_it_refuses_a_proposal_outside_the_window_and_writes_nothing(moment: object) -> None:
    document = national_document()
    with freeze_time(moment):  # type: ignore[arg-type]
        response = signed_in_client(member_user()).post(url(document, 3), REPLACE)
    assert response.status_code == 400 and "window is closed" in response.text
    assert not Amendment.objects.exists()


def test_it_refuses_a_non_member_and_a_member_of_another_group() -> None:
    national = national_document()
    supporter = make_user(person=member(status="supporter"))
    group, other = make_group(), make_group()
    organiser = member_user()
    add_member(group, organiser.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    spec = DocumentSpec("Group rules", TEXT, OPENS, CLOSES, group=group)
    local = create_document(organiser, spec, OPENS)
    outsider = member_user()
    add_member(other, outsider.person)  # type: ignore[arg-type]
    with freeze_time(DURING):
        assert signed_in_client(supporter).post(url(national, 1), REPLACE).status_code == 400
        assert signed_in_client(outsider).post(url(local, 1), REPLACE).status_code == 404
    assert not Amendment.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [{"kind": "rewrite"}, {"text": ""}, {"reason": " "}, {"text": "bad\x01text"},
     {"text": "The national committee has nine members."}, {"text": "x" * 5001}],
)  # fmt: skip
def test_bad_input_is_refused_with_a_message_and_writes_nothing(bad: dict[str, str]) -> None:
    document = national_document()
    with freeze_time(DURING):
        response = signed_in_client(member_user()).post(url(document, 3), REPLACE | bad)
    assert response.status_code == 400
    assert 'class="errorlist' in response.text or "message-error" in response.text
    assert not Amendment.objects.exists()


def test_a_deletion_needs_no_text_and_an_insertion_does() -> None:
    document = national_document()
    client = signed_in_client(member_user())
    with freeze_time(DURING):
        assert (
            client.post(url(document, 2), {"kind": "delete", "reason": "Free."}).status_code == 302
        )
        refused = client.post(url(document, 2), {"kind": "insert", "text": "", "reason": "x"})
    assert refused.status_code == 400 and "Give the new text" in refused.text
    assert list(Amendment.objects.values_list("kind", "text")) == [("delete", "")]
