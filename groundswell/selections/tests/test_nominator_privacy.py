"""Who nominated whom is seen by the candidate, the panel and the organisers, never other members."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from freezegun import freeze_time

from groundswell.core.testing import verified_client

from .helpers import DURING, standing, world

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("who", "sees"), [
    ("candidate", True), ("panellist", True), ("organiser", True), ("member", False),
])  # fmt: skip
def test_nominators_are_shown_only_to_those_entitled(who: str, sees: bool) -> None:
    w = world()
    backer = w.members[1]
    nomination = standing(w.members[0], w.selection, [backer, w.members[2]])
    user = {"candidate": w.members[0], "panellist": w.panellist, "organiser": w.organiser,
            "member": w.members[3]}[who]  # fmt: skip
    with freeze_time(DURING):
        page = verified_client(user).get(reverse("selections:nomination", args=[nomination.pk]))
        selection_page = verified_client(user).get(
            reverse("selections:detail", args=[w.selection.pk])
        )
    assert page.status_code == 200
    assert (escape(str(backer.person)) in page.content.decode()) is sees
    assert escape(str(backer.person)) not in selection_page.content.decode()


def test_a_member_of_another_group_cannot_see_a_nomination() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(DURING):
        response = verified_client(w.outsider).get(
            reverse("selections:nomination", args=[nomination.pk])
        )
    assert response.status_code == 404


def test_a_plain_member_cannot_open_the_panel_page() -> None:
    w = world()
    standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(DURING):
        response = verified_client(w.members[3]).get(
            reverse("selections:panel", args=[w.selection.pk])
        )
    assert response.status_code == 403
