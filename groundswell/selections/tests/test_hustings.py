"""The organiser creates the hustings as an event; it is linked on the selection page."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import verified_client
from groundswell.events.models import Event

from .helpers import DURING, world

pytestmark = pytest.mark.django_db

GOOD = {"start": "2026-03-20T19:00", "end": "2026-03-20T21:00", "capacity": "80",
        "venue": "Community hall", "postal_code": "", "online_url": "https://meet.example.org/h"}  # fmt: skip


def _post(user, w, **changes):  # type: ignore[no-untyped-def]
    url = reverse("selections:hustings", args=[w.selection.pk])
    return verified_client(user).post(url, {**GOOD, **changes})


def test_the_organiser_creates_a_hustings_shown_on_the_selection_page() -> None:
    w = world()
    with freeze_time(DURING):
        response = _post(w.organiser, w)
        page = verified_client(w.members[0]).get(
            reverse("selections:detail", args=[w.selection.pk])
        )
    event = Event.objects.get()
    w.selection.refresh_from_db()
    assert response.status_code == 302 and w.selection.hustings == event
    assert event.host_group == w.group and event.visibility == "group" and event.kind == "agm"
    assert reverse("events:detail", args=[event.pk]) in page.content.decode()


@pytest.mark.parametrize(
    "changes",
    [
        {"online_url": ""},  # no place at all
        {"end": "2026-03-20T18:00"},  # ends before it starts
        {"capacity": "0"},
        {"start": "soon"},
        {"online_url": "javascript:alert(1)"},
    ],
)
def test_it_refuses_bad_input_and_writes_nothing(changes: dict[str, str]) -> None:
    w = world()
    with freeze_time(DURING):
        response = _post(w.organiser, w, **changes)
    assert response.status_code == 400
    assert not Event.objects.exists()
    w.selection.refresh_from_db()
    assert w.selection.hustings is None


@pytest.mark.parametrize("who", ["panellist", "other_organiser"])
def test_only_organisers_create_the_hustings(who: str) -> None:
    w = world()
    with freeze_time(DURING):
        response = _post(getattr(w, who), w)
    assert response.status_code in (403, 404)
    assert not Event.objects.exists()
