"""Creating and proposing events from the form: who may host for which group, times typed in
London, and bad input answered with the form again and nothing written."""

from datetime import UTC, datetime
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import make_user, signed_in_client
from groundswell.events.models import Event, Shift

from .helpers import national_organiser, new_group
from .pages_helpers import NotifyCalls, organiser_of, told, user_in

pytestmark = pytest.mark.django_db
__all__ = ["told"]

URL = reverse("events:create")


def form_data(*rows: tuple[str, str, str, str], **fields: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Canvass Hackney Central",
        "kind": "canvass",
        "visibility": "public",
        "venue": "Hackney Library",
        "address": "1 Reading Lane\nHackney",
        "postcode": "e8 1dy",
        "instructions": "Meet by the red door.",
        "contact_email": "sam@example.org",
        "shifts-TOTAL_FORMS": "3",
        "shifts-INITIAL_FORMS": "0",
        "shifts-MIN_NUM_FORMS": "0",
        "shifts-MAX_NUM_FORMS": "50",
    }
    for i, (day, start, end, capacity) in enumerate(
        rows or [("2030-07-06", "10:00", "12:00", "8")]
    ):
        data |= {f"shifts-{i}-day": day, f"shifts-{i}-start": start, f"shifts-{i}-end": end,
                 f"shifts-{i}-capacity": capacity}  # fmt: skip
    return data | fields


def test_a_national_organiser_publishes_an_event_with_no_group_in_london_time(
    told: NotifyCalls,
) -> None:
    client = signed_in_client(national_organiser())
    assert client.get(URL).status_code == 200
    response = client.post(URL, form_data(("2030-07-06", "10:00", "12:00", "8"),
                                          ("2030-12-07", "10:00", "12:00", "4")))  # fmt: skip
    event = Event.objects.get()
    assert response["Location"] == reverse("events:detail", args=[event.pk])
    assert event.approval == "approved" and event.host_group is None
    assert event.postal_code == "E8 1DY" and event.address_lines == ["1 Reading Lane", "Hackney"]
    summer, winter = event.shifts.all()
    assert summer.start == datetime(2030, 7, 6, 9, 0, tzinfo=UTC)  # BST
    assert winter.start == datetime(2030, 12, 7, 10, 0, tzinfo=UTC)  # GMT
    assert (summer.capacity, winter.capacity) == (8, 4)
    assert [list(args[0]) for args in told.of("shifts_scheduled")] == [[summer, winter]]


def test_a_group_organiser_publishes_for_their_group_at_once() -> None:
    group = new_group()
    client = signed_in_client(organiser_of(group))
    client.post(URL, form_data(host_group=str(group.pk), visibility="group"))
    event = Event.objects.get()
    assert (event.approval, event.host_group, event.visibility) == ("approved", group, "group")


def test_a_member_proposes_an_event_which_awaits_approval(told: NotifyCalls) -> None:
    group = new_group(slug="hackney")
    member = user_in(group)
    client = signed_in_client(member)
    page = client.get(URL + "?group=hackney").content.decode()
    assert "Propose an event" in page
    assert f'<option value="{group.pk}" selected>' in page
    client.post(URL, form_data(host_group=str(group.pk)))
    event = Event.objects.get()
    assert event.approval == "awaiting" and event.proposed_by == member.person
    assert [args[0] for args in told.of("proposal_awaiting")] == [event]
    assert told.of("shifts_scheduled") == []


def test_a_member_cannot_host_for_a_group_they_are_not_in_nor_with_no_group() -> None:
    mine, theirs = new_group(), new_group()
    client = signed_in_client(user_in(mine))
    for host in (str(theirs.pk), ""):
        response = client.post(URL, form_data(host_group=host))
        assert response.status_code == 200
        assert response.context["form"].errors["host_group"]
    assert not Event.objects.exists()


def test_someone_in_no_group_is_asked_to_join_one_and_cannot_post() -> None:
    client = signed_in_client(make_user())
    assert "Join a group first" in client.get(URL).content.decode()
    client.post(URL, form_data())
    assert not Event.objects.exists()


def test_a_visitor_is_sent_to_sign_in() -> None:
    response = Client().get(URL)
    assert response.status_code == 302 and reverse("accounts:sign_in") in response["Location"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (form_data(("2030-07-06", "12:00", "10:00", "5")), "end after it starts"),
        (form_data(("2030-07-06", "10:00", "12:00", "0")), "greater than or equal to 1"),
        (form_data(("2030-07-06", "10:00", "12:00", "many")), "whole number"),
        (form_data(("2030-13-45", "10:00", "12:00", "5")), "valid date"),
        (form_data(("2030-07-06", "25:00", "12:00", "5")), "valid time"),
        (form_data(("2030-03-31", "01:30", "03:00", "5")), "the clocks go forward"),
        (form_data(("", "", "", "")), "at least one shift"),
        (form_data(("2030-07-06", "10:00", "", "")), "required"),
        (form_data(postcode="QQ99 9QQ"), "postcode"),
        (form_data(postcode=""), "or an online link"),
        (form_data(online_url="javascript:alert(1)", postcode=""), "valid URL"),
        (form_data(kind="rave"), "not one of the available choices"),
        (form_data(visibility="group"), "hosted by a group"),
        (form_data(title=""), "required"),
        # Damaged or missing hidden fields of the shift rows: asked to enter the shifts again.
        (form_data(**{"shifts-TOTAL_FORMS": "x"}), "at least one shift"),
        (
            {k: v for k, v in form_data().items() if not k.startswith("shifts-")},
            "at least one shift",
        ),
    ],
)
def test_bad_input_shows_the_form_again_with_a_message_and_writes_nothing(
    data: dict[str, Any], message: str
) -> None:
    response = signed_in_client(national_organiser()).post(URL, data)
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Event.objects.exists() and not Shift.objects.exists()


def test_a_huge_number_of_shift_rows_is_refused_without_a_crash() -> None:
    data = form_data(**{"shifts-TOTAL_FORMS": "100000"})
    response = signed_in_client(national_organiser()).post(URL, data)
    assert response.status_code == 200
    assert not Event.objects.exists()
