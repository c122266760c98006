"""The primary's pages: who sees which primary, the query counts of the list pages, and the
organiser's page closed to members and to other groups' organisers."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user, signed_in_client, verified_client
from groundswell.primary.actions import create_primary

from .helpers import DURING, back, propose, spec, world

pytestmark = pytest.mark.django_db


def test_the_list_shows_a_member_their_groups_and_national_primaries_only() -> None:
    w = world()
    national = create_primary(make_user(Role.NATIONAL_ORGANISER), spec(title="National one"))
    other = world()
    with freeze_time(DURING):
        page = signed_in_client(w.members[0]).get(reverse("primary:list")).content.decode()
    assert w.primary.title in page and national.title in page
    assert reverse("primary:detail", args=[other.primary.pk]) not in page
    assert (
        signed_in_client(w.members[0])
        .get(reverse("primary:detail", args=[other.primary.pk]))
        .status_code
        == 404
    )


def test_the_list_page_runs_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    w = world()
    for n in range(8):
        create_primary(w.organiser, spec(title=f"Primary {n}"), group=w.group)
    client = signed_in_client(w.members[0])
    with django_assert_max_num_queries(8), freeze_time(DURING):
        page = client.get(reverse("primary:list")).content.decode()
    assert page.count("/policy/") >= 9


def test_the_primary_page_runs_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    w = world(members=6)
    for n, author in enumerate(w.members):
        proposal = propose(author, w.primary, f"Idea {n}", category=("Economy", "Housing")[n % 2])
        back(proposal, [m for m in w.members if m != author][:3])
    client = signed_in_client(w.members[0])
    with django_assert_max_num_queries(14), freeze_time(DURING):
        page = client.get(reverse("primary:detail", args=[w.primary.pk])).content.decode()
    assert all(f"Idea {n}" in page for n in range(6)) and "Submit a proposal" in page
    assert page.count('<span class="support-count">3</span>') == 6


def test_the_organiser_page_is_closed_to_members_and_other_groups_organisers() -> None:
    w = world()
    url = reverse("primary:organise", args=[w.primary.pk])
    assert signed_in_client(w.members[0]).get(url).status_code == 403
    assert verified_client(w.other_organiser).get(url).status_code == 404
    assert verified_client(w.organiser).get(url).status_code == 200
    assert verified_client(make_user(Role.NATIONAL_ORGANISER)).get(url).status_code == 200


def test_the_organiser_page_runs_a_fixed_number_of_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    w = world(members=6, threshold_kind="percent", threshold_value=10)
    for n, author in enumerate(w.members):
        back(propose(author, w.primary, f"Idea {n}"), [m for m in w.members if m != author][:2])
    client = verified_client(w.organiser)
    with django_assert_max_num_queries(16), freeze_time(DURING):
        page = client.get(reverse("primary:organise", args=[w.primary.pk])).content.decode()
    assert (
        page.count("2 supporters") == 6
        and "Support needed for the shortlist: <strong>1</strong>" in page
    )


def test_an_anonymous_visitor_is_sent_to_sign_in_and_writes_nothing() -> None:
    from django.test import Client

    from groundswell.primary.models import Support

    w = world()
    proposal = propose(w.members[0], w.primary, "Water")
    client = Client()
    with freeze_time(DURING):
        for url in (reverse("primary:list"), reverse("primary:detail", args=[w.primary.pk]),
                    reverse("primary:proposal", args=[proposal.pk]), reverse("primary:results", args=[w.primary.pk])):  # fmt: skip
            assert client.get(url).status_code == 302
        assert client.post(reverse("primary:support", args=[proposal.pk])).status_code == 302
    assert not Support.objects.exists()
