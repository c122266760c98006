"""The organiser names the panel by email address, from people they may see."""

import pytest
from django.urls import reverse

from groundswell.core.testing import verified_client

from .helpers import person, world

pytestmark = pytest.mark.django_db


def _add(user, w, email):  # type: ignore[no-untyped-def]
    url = reverse("selections:add_panel", args=[w.selection.pk])
    return verified_client(user).post(url, {"email": email})


def test_the_organiser_adds_a_group_member_to_the_panel() -> None:
    w = world()
    member = w.members[0]
    response = _add(w.organiser, w, member.email.upper())
    assert response.status_code == 302
    assert set(w.selection.panel.all()) == {w.panellist.person, member.person}


@pytest.mark.parametrize("email", ["nobody@example.org", "not-an-email", "", "x" * 300 + "@e.org"])
def test_it_refuses_an_unknown_or_malformed_address(email: str) -> None:
    w = world()
    response = _add(w.organiser, w, email)
    assert response.status_code == 400
    assert w.selection.panel.count() == 1


def test_a_group_organiser_cannot_add_someone_outside_the_group() -> None:
    w = world()
    outsider = person()
    response = _add(w.organiser, w, outsider.emails.get().address)
    assert response.status_code == 400
    assert w.selection.panel.count() == 1


@pytest.mark.parametrize("who", ["panellist", "other_organiser"])
def test_only_organisers_change_the_panel(who: str) -> None:
    w = world()
    response = _add(getattr(w, who), w, w.members[0].email)
    assert response.status_code in (403, 404)
    assert w.selection.panel.count() == 1


def test_the_organiser_removes_a_panel_member() -> None:
    w = world()
    assert w.panellist.person is not None
    url = reverse("selections:remove_panel", args=[w.selection.pk, w.panellist.person.pk])
    verified_client(w.organiser).post(url)
    assert w.selection.panel.count() == 0
