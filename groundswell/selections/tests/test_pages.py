"""The list and selection pages: scoped to who may see them, in a bounded number of queries."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client, verified_client
from groundswell.selections.actions import create_selection
from groundswell.selections.models import Decision

from .helpers import AFTER, DURING, spec, standing, world

pytestmark = pytest.mark.django_db


def test_the_list_shows_a_members_selections_in_few_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    w = world()
    for n in range(5):
        create_selection(w.organiser, spec(post=f"Branch delegate {n}"), group=w.group)
    client = verified_client(w.members[0])
    with django_assert_max_num_queries(8):
        response = client.get(reverse("selections:list"))
    assert response.content.decode().count("Branch delegate") == 5


def test_a_member_of_another_group_sees_neither_the_selection_nor_its_page() -> None:
    w = world()
    client = verified_client(w.outsider)
    assert w.selection.post not in client.get(reverse("selections:list")).content.decode()
    assert client.get(reverse("selections:detail", args=[w.selection.pk])).status_code == 404


def test_the_selection_page_shows_candidates_with_statements_in_few_queries(
    django_assert_max_num_queries,  # type: ignore[no-untyped-def]
) -> None:
    w = world(members=8)
    for m in w.members[:4]:
        standing(m, w.selection, w.members[4:6])
    client = verified_client(w.members[7])
    with freeze_time(DURING), django_assert_max_num_queries(16):
        response = client.get(reverse("selections:detail", args=[w.selection.pk]))
    page = response.content.decode()
    assert page.count("should stand.") == 4
    assert page.count(">Nominate</button>") == 4
    assert "Stand for this post" in page


def test_the_organiser_page_is_refused_to_a_panel_member() -> None:
    w = world()
    response = verified_client(w.panellist).get(
        reverse("selections:organise", args=[w.selection.pk])
    )
    assert response.status_code == 403


def test_a_panel_member_without_the_second_factor_is_sent_to_set_it_up_and_decides_nothing() -> (
    None
):
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    client = signed_in_client(w.panellist)
    page = client.get(reverse("selections:panel", args=[w.selection.pk]))
    decide = reverse("selections:decide", args=[w.selection.pk, nomination.pk])
    with freeze_time(AFTER):
        posted = client.post(decide, {f"n{nomination.pk}-stage": "longlist", f"n{nomination.pk}-decision": "include", f"n{nomination.pk}-reason": "Strong"})  # fmt: skip
    assert page.status_code == 302 and page["Location"].startswith("/accounts/two-factor/")
    assert posted.status_code == 302 and not Decision.objects.exists()
