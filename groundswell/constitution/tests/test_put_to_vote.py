"""The organiser putting amendments to the vote: only those with enough seconders, one yes/no
question each with the document's threshold; refusals write nothing."""

import pytest
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.constitution.models import Amendment
from groundswell.constitution.tests.helpers import (
    AFTER_WINDOW,
    DURING,
    member_user,
    national_document,
    seconded,
)
from groundswell.core.testing import GroupFactory, add_member, make_user, verified_client
from groundswell.democracy.models import Ballot, Question
from groundswell.groups.models import Membership

pytestmark = pytest.mark.django_db

TIMES = {
    "cut_off": "2026-02-16T09:00",
    "opens_at": "2026-02-17T09:00",
    "closes_at": "2026-02-24T09:00",
}


def test_only_amendments_with_enough_seconders_go_to_the_ballot() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    first = seconded(document, 3, "replace", "The national committee has eleven members.")
    short = seconded(document, 4, "delete", "", seconders=1)
    second = seconded(document, 1, "insert", "Its colours are green and gold.")
    with freeze_time(AFTER_WINDOW):
        response = verified_client(organiser).post(f"/constitution/{document.pk}/organise/", TIMES)
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    questions = list(Question.objects.filter(ballot=ballot).order_by("position"))
    assert [(q.method, q.threshold) for q in questions] == [("yes_no_abstain", "two_thirds")] * 2
    assert "replace clause 3" in questions[0].text and "after clause 1" in questions[1].text
    statuses = {a.pk: (a.status, a.ballot_id, a.question_position) for a in Amendment.objects.all()}
    assert statuses == {first.pk: ("balloted", ballot.pk, 1), second.pk: ("balloted", ballot.pk, 2),
                        short.pk: ("lapsed", None, None)}  # fmt: skip
    assert ballot.group is None and ballot.electorate == "all_members"


def test_it_refuses_while_the_window_is_open_and_when_nothing_is_seconded() -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    seconded(document, 2, "delete", "", seconders=1)
    client = verified_client(organiser)
    with freeze_time(DURING):
        early = client.post(f"/constitution/{document.pk}/organise/", TIMES)
    with freeze_time(AFTER_WINDOW):
        empty = client.post(f"/constitution/{document.pk}/organise/", TIMES)
    assert early.status_code == 400 and "Wait for the amendment window to close" in early.text
    assert empty.status_code == 400 and "No amendment has enough seconders" in empty.text
    assert not Ballot.objects.exists()
    assert Amendment.objects.get().status == "proposed"


def test_a_member_or_another_groups_organiser_is_refused_and_nothing_is_written() -> None:
    document = national_document()
    seconded(document, 2, "delete", "")
    local = member_user()
    add_member(GroupFactory(), local.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]
    with freeze_time(AFTER_WINDOW):
        for user in (member_user(), local):
            client = verified_client(user)
            assert client.get(f"/constitution/{document.pk}/organise/").status_code == 403
            assert client.post(f"/constitution/{document.pk}/organise/", TIMES).status_code == 403
            assert client.post(f"/constitution/{document.pk}/apply/").status_code == 403
    assert not Ballot.objects.exists()
    assert Amendment.objects.get().status == "proposed"


@pytest.mark.parametrize(
    "bad",
    [{"opens_at": "2026-02-16T08:00"}, {"closes_at": "2026-02-17T08:00"}, {"cut_off": "yesterday"}],
)
def test_bad_times_are_refused_with_a_message_and_write_nothing(bad: dict[str, str]) -> None:
    organiser = make_user(Role.NATIONAL_ORGANISER)
    document = national_document(organiser)
    seconded(document, 2, "delete", "")
    with freeze_time(AFTER_WINDOW):
        response = verified_client(organiser).post(
            f"/constitution/{document.pk}/organise/", TIMES | bad
        )
    assert response.status_code == 400
    assert 'class="errorlist' in response.text or "message-error" in response.text
    assert not Ballot.objects.exists() and Amendment.objects.get().status == "proposed"
