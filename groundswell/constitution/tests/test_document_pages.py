"""The reading pages: the list and a document's page (scoped, with bounded queries), and seconders
shown by count to members and by name only to organisers."""

from typing import Any

import pytest
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.constitution.actions import DocumentSpec, create_document, second_amendment
from groundswell.constitution.models import Seconding
from groundswell.constitution.tests.helpers import (
    CLOSES,
    DURING,
    OPENS,
    TEXT,
    clause,
    member_user,
    national_document,
    seconded,
)
from groundswell.core.testing import (
    GroupFactory,
    add_member,
    make_user,
    signed_in_client,
    verified_client,
)
from groundswell.groups.models import Group, Membership

pytestmark = pytest.mark.django_db


def make_group() -> Group:
    return GroupFactory.create()


def group_document(title: str = "Branch rules") -> Any:
    organiser = member_user()
    group = make_group()
    add_member(group, organiser.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    return create_document(organiser, DocumentSpec(title, TEXT, OPENS, CLOSES, group=group), OPENS)


def test_the_list_shows_national_documents_and_only_my_groups(
    django_assert_max_num_queries: Any,
) -> None:
    national_document()
    mine, theirs = group_document("My branch rules"), group_document("Their branch rules")
    user = member_user()
    add_member(mine.group, user.person)  # type: ignore[arg-type]
    for _ in range(5):
        group_document()
    client = signed_in_client(user)
    with django_assert_max_num_queries(5):
        page = client.get("/constitution/")
    assert "Constitution" in page.text and "My branch rules" in page.text
    assert "Their branch rules" not in page.text
    assert client.get(f"/constitution/{theirs.pk}/").status_code == 404
    assert client.get(f"/constitution/clauses/{theirs.clauses.first().pk}/").status_code == 404


def test_the_document_page_has_bounded_queries_and_amend_links_in_the_window(
    django_assert_max_num_queries: Any,
) -> None:
    document = national_document()
    for number in (1, 2, 3, 4, 1, 2):
        seconded(document, number, "delete", "", seconders=1)
    client = signed_in_client(member_user())
    with freeze_time(DURING), django_assert_max_num_queries(11):
        page = client.get(f"/constitution/{document.pk}/")
    assert page.text.count(">Amend</a>") == 4
    assert page.text.count("1 of 2 seconders") == 6


def test_members_see_counts_and_only_organisers_see_who_seconded() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    amendment = seconded(document, 2, "delete", "", seconders=1)
    seconder = Seconding.objects.get().person
    another = member_user()
    second_amendment(another.person, amendment, DURING)
    pages = [signed_in_client(member_user()).get(f"/constitution/amendments/{amendment.pk}/"),
             signed_in_client(member_user()).get(f"/constitution/{document.pk}/")]  # fmt: skip
    for page in pages:
        assert "2 of 2 seconders" in page.text
        assert seconder.full_name not in page.text
        assert another.person.full_name not in page.text  # type: ignore[union-attr]
    organise = verified_client(organiser).get(f"/constitution/{document.pk}/organise/")
    assert seconder.full_name in organise.text and another.person.full_name in organise.text  # type: ignore[union-attr]


def test_the_organiser_page_needs_a_second_factor() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    response = signed_in_client(organiser).get(f"/constitution/{document.pk}/organise/")
    assert response.status_code == 302 and "/accounts/two-factor/" in response["Location"]


def test_a_replacement_shows_old_and_new_words() -> None:
    document = national_document()
    amendment = seconded(document, 3, "replace", "The national committee has eleven members.")
    page = signed_in_client(member_user()).get(f"/constitution/amendments/{amendment.pk}/")
    assert "[removed: </span>nine" in page.text and "[added: </span>eleven" in page.text


def test_an_unknown_or_hostile_version_number_is_refused_cleanly() -> None:
    document = national_document()
    client = signed_in_client(member_user())
    assert client.get(f"/constitution/{document.pk}/?version=7").status_code == 404
    for hostile in ("99999999999999999999", "-1", "1;DROP", ""):
        page = client.get(f"/constitution/{document.pk}/", {"version": hostile})
        assert page.status_code == 200 and "The movement is called Groundswell." in page.text


def test_an_account_not_linked_to_a_proved_record_cannot_propose() -> None:
    document = national_document()
    user = member_user()
    user.email_confirmed_at = None  # an existing record's address not yet proved
    user.created_person = False
    user.save()
    with freeze_time(DURING):
        client = signed_in_client(user)
        page = client.get(f"/constitution/{document.pk}/")
        refused = client.post(f"/constitution/clauses/{clause(document, 1).pk}/propose/",
                              {"kind": "delete", "reason": "x"})  # fmt: skip
    assert ">Amend</a>" not in page.text
    assert refused.status_code == 400 and "Only members who may amend" in refused.text
    assert not document.amendments.exists()
