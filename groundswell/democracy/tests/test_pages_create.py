"""The organiser's ballot set-up page: who may hold which ballot, times typed in UK time, question
blocks, and bad or forged input refused with nothing written."""

from datetime import UTC, datetime
from typing import Any, cast

import pytest
from django.test import Client
from freezegun import freeze_time

from groundswell.accounts.models import Role, User
from groundswell.core.testing import GroupFactory, add_member, make_user, verified_client
from groundswell.democracy.actions import BallotError
from groundswell.democracy.models import Ballot, Option, Question
from groundswell.democracy.tests.ballot_helpers import national_organiser
from groundswell.groups.models import Group, Membership
from groundswell.searches.models import SavedSearch

pytestmark = pytest.mark.django_db

URL = "/ballots/manage/new/"
NOW = datetime(2027, 5, 1, 9, 0, tzinfo=UTC)


def valid_post(electorate: str = "all", **changes: str) -> dict[str, str]:
    """A complete submission: a yes/no question, an STV question and one empty block. Times are in
    June, so British Summer Time: 09:00 typed is 08:00 UTC."""
    data = {
        "blocks": "3",
        "title": "Summer ballot",
        "description": "Rules and committee.",
        "electorate": electorate,
        "cut_off": "2027-06-01T09:00",
        "opens_at": "2027-06-02T09:00",
        "closes_at": "2027-06-09T18:00",
        "q1-text": "Adopt the new rules?",
        "q1-method": "yes_no_abstain",
        "q1-options": "",
        "q1-seats": "1",
        "q1-threshold": "two_thirds",
        "q2-text": "Committee",
        "q2-method": "stv",
        "q2-options": "Asha\r\n  Ben \r\n\r\nCleo\r\nDee",
        "q2-seats": "2",
        "q2-threshold": "simple",
        "q3-text": "",
        "q3-method": "",
        "q3-options": "",
        "q3-seats": "1",
        "q3-threshold": "simple",
    }
    data.update(changes)
    return data


@pytest.fixture(autouse=True)
def _now() -> Any:
    """Every test runs at NOW (sessions included, which expire against the clock)."""
    with freeze_time(NOW):
        yield


def post(client: Client, data: dict[str, str]) -> Any:
    return client.post(URL, data)


def new_group(**fields: Any) -> Group:
    return cast(Group, GroupFactory.create(**fields))


def group_organiser(group: Group) -> User:
    user = make_user(Role.MEMBER)
    add_member(group, user.person, role=Membership.Role.ORGANISER)  # type: ignore[arg-type]
    return user


def search_of(owner: User, name: str) -> SavedSearch:
    definition = {"all": [{"filter": "membership", "status": "member"}]}
    return SavedSearch.objects.create(name=name, owner=owner, definition=definition)


def test_a_national_organiser_sets_up_a_ballot_of_all_members() -> None:
    user = national_organiser()
    response = post(verified_client(user), valid_post())
    ballot = Ballot.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/ballots/manage/{ballot.pk}/"
    assert (ballot.title, ballot.electorate, ballot.created_by) == (
        "Summer ballot",
        "all_members",
        user,
    )
    assert ballot.cut_off == datetime(2027, 6, 1, 8, 0, tzinfo=UTC)  # 09:00 BST
    assert ballot.closes_at == datetime(2027, 6, 9, 17, 0, tzinfo=UTC)
    first, second = ballot.questions.order_by("position")
    assert (first.method, first.threshold, first.options.count()) == (
        "yes_no_abstain",
        "two_thirds",
        0,
    )
    assert (second.method, second.seats) == ("stv", 2)
    assert list(second.options.values_list("label", flat=True)) == ["Asha", "Ben", "Cleo", "Dee"]
    assert ballot.frozen_at is None


def test_winter_times_are_greenwich_mean_time() -> None:
    changes = {"cut_off": "2027-12-01T09:00", "opens_at": "2027-12-02T09:00"}
    post(verified_client(national_organiser()), valid_post(**changes, closes_at="2027-12-09T18:00"))
    assert Ballot.objects.get().opens_at == datetime(2027, 12, 2, 9, 0, tzinfo=UTC)


def test_the_page_labels_times_as_uk_time_and_offers_a_national_organiser_all_members(
    django_assert_max_num_queries: Any,
) -> None:
    client = verified_client(national_organiser())
    new_group(name="Leeds North")
    with django_assert_max_num_queries(12):
        page = client.get(URL)
    assert page.status_code == 200
    assert "UK time (Europe/London)" in page.text
    assert 'value="all"' in page.text and "Leeds North" in page.text
    assert page.text.count("<legend>Question") == 3


def test_a_group_organiser_is_offered_only_their_groups_and_searches() -> None:
    mine, theirs = new_group(name="Cardiff Central"), new_group(name="Bristol West")
    user = group_organiser(mine)
    search_of(user, "My canvassers")
    search_of(national_organiser(), "Head office list")
    page = verified_client(user).get(URL)
    assert "Cardiff Central" in page.text and "My canvassers" in page.text
    assert "Bristol West" not in page.text and "Head office list" not in page.text
    assert 'value="all"' not in page.text
    assert theirs.pk  # exists, and is not offered


def test_a_group_organiser_sets_up_a_ballot_of_their_group() -> None:
    group = new_group()
    user = group_organiser(group)
    response = post(verified_client(user), valid_post(f"group-{group.pk}"))
    assert response.status_code == 302
    ballot = Ballot.objects.get()
    assert (ballot.electorate, ballot.group) == ("group", group)


def test_a_group_organiser_sets_up_a_ballot_of_their_saved_search() -> None:
    user = group_organiser(new_group())
    search = search_of(user, "Active members")
    post(verified_client(user), valid_post(f"search-{search.pk}"))
    assert Ballot.objects.get().search == search


@pytest.mark.parametrize("forged", ["group", "search", "all"])
def test_a_group_organiser_cannot_forge_another_electorate(forged: str) -> None:
    user = group_organiser(new_group())
    other_group = new_group()
    other_search = search_of(national_organiser(), "Someone else's")
    value = {
        "group": f"group-{other_group.pk}",
        "search": f"search-{other_search.pk}",
        "all": "all",
    }
    response = post(verified_client(user), valid_post(value[forged]))
    assert response.status_code == 400
    assert "Select a valid choice" in response.text
    assert not Ballot.objects.exists()


def test_a_plain_member_is_refused_and_nothing_is_written() -> None:
    client = verified_client(make_user(Role.MEMBER))
    assert client.get(URL).status_code == 403
    assert post(client, valid_post()).status_code == 403
    assert not Ballot.objects.exists()


def test_signing_in_without_a_second_factor_is_not_enough() -> None:
    client = Client()
    client.force_login(national_organiser())
    assert post(client, valid_post()).status_code == 302
    assert not Ballot.objects.exists()


BAD_INPUT = {
    "closing before opening": ({"closes_at": "2027-06-02T08:00"}, "close after it opens"),
    "opening before the cut-off": ({"cut_off": "2027-06-03T09:00"}, "after the cut-off"),
    "opening at the cut-off": ({"cut_off": "2027-06-02T09:00"}, "at least 10 minutes after"),
    "opening in the past": (
        {"cut_off": "2027-04-01T09:00", "opens_at": "2027-04-02T09:00"},
        "open in the future",
    ),
    "not a date": ({"opens_at": "next Tuesday"}, "Enter a valid date/time"),
    "a time the clocks skip": ({"cut_off": "2027-03-28T01:30"}, "Europe/London"),
    "no questions": (
        {"q1-text": "", "q1-method": "", "q2-text": "", "q2-method": "", "q2-options": ""},
        "at least one question",
    ),
    "STV seats as many as options": ({"q2-seats": "4"}, "fewer seats than options"),
    "STV seats not a number": ({"q2-seats": "two"}, "Enter a whole number"),
    "duplicate options": ({"q2-options": "Asha\nBen\nasha"}, "listed twice"),
    "one option": ({"q2-options": "Asha"}, "at least two options"),
    "unknown method": ({"q2-method": "borda"}, "Select a valid choice"),
    "no method": ({"q2-method": ""}, "Choose how this question is voted on"),
    "no question text": ({"q2-text": "  "}, "Write the question"),
    "options on a yes/no question": ({"q1-options": "Yes\nNo"}, "has no options"),
    "no threshold on a yes/no question": ({"q1-threshold": ""}, "majority"),
    "unknown threshold": ({"q1-threshold": "unanimous"}, "Select a valid choice"),
    "no title": ({"title": "   "}, "This field is required"),
    "no electorate": ({"electorate": ""}, "This field is required"),
    "a too long option": ({"q2-options": "Asha\nBen\nCleo\n" + "x" * 201}, "200 characters"),
}


@pytest.mark.parametrize("case", BAD_INPUT.keys())
def test_bad_input_is_refused_with_a_clear_error_and_nothing_written(case: str) -> None:
    changes, message = BAD_INPUT[case]
    response = post(verified_client(national_organiser()), valid_post(**changes))
    assert response.status_code == 400
    assert message in response.text
    assert not (Ballot.objects.exists() or Question.objects.exists() or Option.objects.exists())


def test_a_refusal_by_create_ballot_is_shown_on_the_form(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> Ballot:
        raise BallotError("Only the group's organisers may hold a ballot of its members.")

    monkeypatch.setattr("groundswell.democracy.views.creating.create_ballot", refuse)
    response = post(verified_client(national_organiser()), valid_post())
    assert response.status_code == 400
    assert "Only the group&#x27;s organisers may hold a ballot" in response.text
    assert not Ballot.objects.exists()


def test_add_another_question_keeps_what_was_typed_and_writes_nothing() -> None:
    client = verified_client(national_organiser())
    response = post(client, valid_post(add_question="1", **{"q2-options": "Asha\nBen"}))
    assert response.status_code == 200
    assert response.text.count("<legend>Question") == 4
    assert 'value="Summer ballot"' in response.text and "Asha\nBen</textarea>" in response.text
    assert 'value="2027-06-01T09:00"' in response.text
    assert "errorlist" not in response.text  # not checked yet: the organiser is still writing
    assert not Ballot.objects.exists()


def test_a_forged_block_count_is_capped() -> None:
    response = post(
        verified_client(national_organiser()), valid_post(blocks="100000", add_question="1")
    )
    assert response.text.count("<legend>Question") == 10
    assert "Add another question" not in response.text


def test_the_list_of_ballots_links_to_the_new_ballot_page() -> None:
    page = verified_client(national_organiser()).get("/ballots/manage/")
    assert f'href="{URL}"' in page.text
