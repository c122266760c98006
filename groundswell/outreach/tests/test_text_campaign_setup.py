"""Setting up a texting campaign through its pages: saving it, refusing bad input with a clear
message and writing nothing, canned responses, and starting, pausing, refreshing and closing."""

from datetime import time

import pytest
from django.urls import reverse

from groundswell.outreach.models import CannedResponse, TextCampaign

from .text_helpers import audience_of, organiser, person, signed_in, texter

pytestmark = pytest.mark.django_db


def _form(boss, **changes: object) -> dict[str, object]:  # type: ignore[no-untyped-def]
    volunteer = texter()
    people = [person(), person(), person(consent=False), person("+442079460018", kind="landline")]
    data: dict[str, object] = {
        "name": "AGM turnout",
        "audience": audience_of(boss, people).pk,
        "message": "Hi {given_name}, it's {texter_name}. Can you come to the AGM?",
        "texters": f"{volunteer.email}\n{boss.email}",
        "hours_start": "10:00",
        "hours_end": "20:00",
    }
    return data | changes


def test_an_organiser_saves_then_starts_a_campaign_and_is_told_who_can_be_texted() -> None:
    boss = organiser()
    client = signed_in(boss)
    saved = client.post(reverse("outreach:text_campaign_new"), _form(boss))
    made = TextCampaign.objects.get()
    assert saved["Location"] == reverse("outreach:text_campaign", args=[made.pk])
    assert (made.hours_start, made.hours_end, made.texters.count()) == (time(10), time(20), 2)

    started = client.post(
        reverse("outreach:text_campaign_change", args=[made.pk]), {"do": "start"}, follow=True
    )

    assert (
        "2 people can be texted; 1 has a landline only; 1 has not agreed to texts."
        in started.content.decode()
    )
    made.refresh_from_db()
    assert made.status == "active"
    assert made.conversations.count() == 2


@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"message": "Hi {firstname}"}, "Unknown merge field {firstname}"),
        ({"message": "  "}, "Write the message."),
        (
            {"texters": "nobody@example.org"},
            "No one you can see has an account with nobody@example.org.",
        ),
        (
            {"hours_start": "20:00", "hours_end": "10:00"},
            "Texting hours need a start and an end, the start first.",
        ),
        ({"hours_start": "25:00"}, "Enter a valid time."),
        ({"message": "x" * 1601}, "at most 1600 characters"),
    ],
)
def test_bad_input_is_refused_clearly_and_nothing_is_saved(
    changes: dict[str, str], error: str
) -> None:
    boss = organiser()
    page = signed_in(boss).post(reverse("outreach:text_campaign_new"), _form(boss, **changes))
    assert page.status_code == 400
    assert error in page.content.decode().replace("&#x27;", "'")
    assert TextCampaign.objects.count() == 0


def test_a_canned_response_with_an_unknown_field_is_refused() -> None:
    boss = organiser()
    client = signed_in(boss)
    client.post(reverse("outreach:text_campaign_new"), _form(boss))
    made = TextCampaign.objects.get()
    url = reverse("outreach:text_canned_add", args=[made.pk])

    refused = client.post(url, {"title": "Where", "body": "At {venue}"})
    client.post(url, {"title": "Where", "body": "At the library, {given_name}"})

    assert refused.status_code == 400
    assert "Unknown merge field {venue}" in refused.content.decode()
    assert list(CannedResponse.objects.values_list("body", flat=True)) == [
        "At the library, {given_name}"
    ]


def test_pause_refresh_and_close() -> None:
    boss = organiser()
    client = signed_in(boss)
    client.post(reverse("outreach:text_campaign_new"), _form(boss))
    made = TextCampaign.objects.get()
    change = reverse("outreach:text_campaign_change", args=[made.pk])

    not_yet = client.post(change, {"do": "refresh"}, follow=True)
    assert "Start the campaign first." in not_yet.content.decode()
    client.post(change, {"do": "start"})
    client.post(change, {"do": "pause"})
    made.refresh_from_db()
    assert made.status == "paused"
    refreshed = client.post(change, {"do": "refresh"}, follow=True)
    assert "2 people can be texted" in refreshed.content.decode()
    client.post(change, {"do": "close"})
    made.refresh_from_db()
    assert made.status == "closed"
    closed_edit = client.post(reverse("outreach:text_campaign_edit", args=[made.pk]), _form(boss))
    assert "closed" in closed_edit.content.decode()
    made.refresh_from_db()
    assert made.name == "AGM turnout"


def test_a_campaign_with_no_texters_cannot_start() -> None:
    boss = organiser()
    client = signed_in(boss)
    client.post(reverse("outreach:text_campaign_new"), _form(boss))
    made = TextCampaign.objects.get()
    made.texters.clear()
    page = client.post(
        reverse("outreach:text_campaign_change", args=[made.pk]), {"do": "start"}, follow=True
    )
    assert "Add at least one texter before starting." in page.content.decode()
    made.refresh_from_db()
    assert made.status == "draft"
