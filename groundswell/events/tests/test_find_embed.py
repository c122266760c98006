"""A group's embeddable events page: public events only, framable, links that leave the frame."""

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import add_member, signed_in_client
from groundswell.groups.models import Group

from .find_helpers import member_user, placed_event, soon
from .helpers import new_group, online_event

pytestmark = pytest.mark.django_db


def _embed(group: Group, client: Client | None = None) -> str:
    response = (client or Client()).get(reverse("events:embed", args=[group.slug]))
    assert response.status_code == 200
    assert "X-Frame-Options" not in response  # other sites may frame it
    return response.content.decode()


def test_it_lists_the_groups_upcoming_public_events_soonest_first() -> None:
    group = new_group(name="Hackney Groundswell")
    later = placed_event(title="Saturday canvass", host_group=group, start=soon(days=4))
    sooner = online_event(title="Thursday phone bank", host_group=group, start=soon(days=2))
    html = _embed(group)
    assert html.index("Thursday phone bank") < html.index("Saturday canvass")
    for event in (later, sooner):
        assert f'href="{reverse("events:detail", args=[event.pk])}" target="_blank"' in html
    assert "Hackney Groundswell" in html and "Online" in html


def test_it_shows_no_members_only_group_only_or_other_groups_events_even_to_members() -> None:
    group = new_group()
    placed_event(title="Members meeting", host_group=group, visibility="members")
    placed_event(title="Our AGM", host_group=group, visibility="group", kind="agm")
    placed_event(title="Another group's canvass", host_group=new_group())
    member = member_user()
    add_member(group, member.person)  # type: ignore[arg-type]
    html = _embed(group, signed_in_client(member))
    assert "No public events" in html
    for title in ("Members meeting", "Our AGM", "Another group"):
        assert title not in html


def test_it_is_a_bare_page_without_the_sites_navigation() -> None:
    html = _embed(new_group())
    assert 'class="topbar"' not in html and "Sign in" not in html
    assert '<base target="_blank">' in html


def test_an_unknown_or_closed_group_is_not_found() -> None:
    assert Client().get(reverse("events:embed", args=["no-such-group"])).status_code == 404
    closed = new_group(is_active=False)
    assert Client().get(reverse("events:embed", args=[closed.slug])).status_code == 404


def test_the_rest_of_the_site_still_refuses_to_be_framed() -> None:
    response = Client().get(reverse("events:find"))
    assert response["X-Frame-Options"] == "DENY"
