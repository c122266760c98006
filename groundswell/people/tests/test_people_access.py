"""Who may see and change whose records: an organiser only their groups' people, members nobody,
and nobody at all without a second factor."""

from urllib.parse import urlsplit

import pytest
from django.http import QueryDict
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import signed_in_client
from groundswell.people.models import ExportRecord, Note, Person, Tag
from groundswell.people.tests.fixtures import Movement

pytestmark = pytest.mark.django_db


def _writes(person_id: int, other_id: int, tag_id: int) -> list[tuple[str, dict[str, str]]]:
    return [
        (
            reverse("people:edit", args=[person_id]),
            {"given_name": "X", "membership_status": "member"},
        ),
        (reverse("people:add_note", args=[person_id]), {"text": "sneaky"}),
        (reverse("people:add_tag", args=[person_id]), {"name": "sneaky"}),
        (reverse("people:remove_tag", args=[person_id, tag_id]), {}),
        (reverse("people:edit_custom_fields", args=[person_id]), {}),
        (
            reverse("people:record_consent", args=[person_id]),
            {"channel": "email", "granted": "yes", "method": "x"},
        ),
        (reverse("people:merge", args=[person_id, other_id]), {}),
        (reverse("people:merge", args=[other_id, person_id]), {}),
    ]


def test_it_refuses_an_organiser_of_another_group_everything_about_their_people(
    movement: Movement,
) -> None:
    client = movement.client(movement.organiser_a)
    outsider = movement.in_b
    tag = Tag.objects.create(name="keep")
    outsider.tags.add(tag)
    for url in (
        reverse("people:detail", args=[outsider.pk]),
        reverse("people:edit", args=[outsider.pk]),
        reverse("people:merge_search", args=[outsider.pk]),
        reverse("people:merge", args=[movement.in_a.pk, outsider.pk]),
    ):
        assert client.get(url).status_code == 404, url
    for url, data in _writes(outsider.pk, movement.in_a.pk, tag.pk):
        assert client.post(url, data).status_code == 404, url
    outsider.refresh_from_db()
    assert outsider.given_name == "Bea"
    assert list(outsider.tags.all()) == [tag]
    assert not Note.objects.filter(person=outsider).exists()
    assert Person.objects.filter(pk=outsider.pk).exists()
    assert outsider.consent_changes.count() == 0


def test_an_organiser_sees_only_their_own_groups_people_in_the_list(movement: Movement) -> None:
    page = movement.client(movement.organiser_a).get(reverse("people:list")).content.decode()
    assert "Ada Adams" in page and "Cal Clark" in page
    assert "Bea Brown" not in page


def test_an_organiser_cannot_export_people_of_another_group(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    response = client.post(reverse("people:export"), {})
    body = b"".join(response.streaming_content).decode()  # type: ignore[attr-defined]
    assert "Adams" in body and "Clark" in body
    assert "Brown" not in body
    # Ada, Cal, the member and the organiser herself: everyone in group A.
    assert len(body.strip().splitlines()) == 1 + 4
    assert ExportRecord.objects.get().row_count == 4


def test_an_organiser_cannot_filter_by_a_group_they_do_not_organise(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    response = client.get(reverse("people:list"), {"group": movement.group_b.pk})
    assert "Bea Brown" not in response.content.decode()
    assert "Select a valid choice" in response.content.decode()


def test_a_member_is_refused_with_403(movement: Movement) -> None:
    client = movement.client(movement.member)
    for url in (
        reverse("people:list"),
        reverse("people:detail", args=[movement.in_a.pk]),
        reverse("people:export"),
        reverse("people:custom_fields"),
        reverse("core:organiser_home"),
    ):
        assert client.get(url).status_code == 403, url
    assert (
        client.post(reverse("people:add_note", args=[movement.in_a.pk]), {"text": "x"}).status_code
        == 403
    )
    assert client.post(reverse("people:export"), {}).status_code == 403
    assert not ExportRecord.objects.exists()


def test_an_organiser_without_a_second_factor_is_sent_to_set_it_up(movement: Movement) -> None:
    client = signed_in_client(movement.organiser_a)
    for url in (reverse("people:list"), reverse("people:detail", args=[movement.in_a.pk])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:two_factor"))


def test_the_second_factor_sends_them_back_to_the_whole_filtered_list(
    movement: Movement,
) -> None:
    client = signed_in_client(movement.organiser_a)
    wanted = reverse("people:list") + "?q=ada&status=member"

    location = client.get(wanted)["Location"]

    assert QueryDict(urlsplit(location).query)["next"] == wanted


def test_someone_signed_out_is_sent_to_sign_in(client: Client, movement: Movement) -> None:
    response = client.get(reverse("people:list"))
    assert response.status_code == 302
    assert reverse("accounts:sign_in") in response["Location"]


def test_only_the_national_team_defines_custom_fields(movement: Movement) -> None:
    client = movement.client(movement.organiser_a)
    response = client.post(
        reverse("people:custom_fields"), {"key": "k", "label": "K", "kind": "text"}
    )
    assert response.status_code == 403


def test_the_national_team_sees_everyone(movement: Movement) -> None:
    page = movement.client(movement.national).get(reverse("people:list")).content.decode()
    for name in ("Ada Adams", "Bea Brown", "Cal Clark"):
        assert name in page
