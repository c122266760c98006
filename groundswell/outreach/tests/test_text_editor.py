"""The message editor's live preview: merge fields filled in for a sample person from the audience,
with the length, GSM-7 or UCS-2 (and the characters that forced UCS-2) and the segment count."""

import pytest
from django.urls import reverse

from .text_helpers import audience_of, group_organiser, organiser, person, signed_in

pytestmark = pytest.mark.django_db


def _preview(client, **data: str) -> str:  # type: ignore[no-untyped-def]
    answer = client.post(reverse("outreach:text_preview"), data, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200
    return answer.content.decode()


def test_the_preview_fills_in_a_sample_person_and_counts_one_gsm_segment() -> None:
    boss = organiser()
    search = audience_of(boss, [person(given_name="Priya", family_name="Shah")])
    said = _preview(
        signed_in(boss), message="Hi {given_name}, can you help?", audience=str(search.pk)
    )
    assert "As Priya Shah would get it" in said
    assert "Hi Priya, can you help?" in said
    assert "23 characters · GSM-7 · <strong>1 segment</strong>" in said


def test_a_curly_apostrophe_forces_ucs2_and_is_named() -> None:
    said = _preview(signed_in(organiser()), message="It’s {given_name}’s turn " + "x" * 60)
    assert "UCS-2" in said
    assert "<code>’</code>" in said
    assert "2 segments" in said  # 87 characters: over UCS-2's 70


def test_a_long_gsm_message_is_counted_in_153_character_parts() -> None:
    said = _preview(signed_in(organiser()), message="a" * 307)
    assert "307 characters · GSM-7 · <strong>3 segments</strong>" in said


def test_an_unknown_merge_field_is_explained() -> None:
    said = _preview(signed_in(organiser()), message="Hi {first_name}")
    assert "Unknown merge field {first_name}: use one of {given_name}" in said
    assert "segment" not in said


def test_without_an_audience_an_example_person_is_used() -> None:
    said = _preview(signed_in(organiser()), message="Hi {given_name} {family_name}")
    assert "Hi Sam Sample" in said


def test_an_audience_the_organiser_cannot_use_shows_no_one_from_it() -> None:
    _, local = group_organiser()
    secret = audience_of(organiser(), [person(given_name="Hidden")])
    said = _preview(signed_in(local), message="Hi {given_name}", audience=str(secret.pk))
    assert "Hidden" not in said
    assert "Hi Sam" in said
