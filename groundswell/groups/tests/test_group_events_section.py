"""A group's public page shows its upcoming public events (never members-only ones), its calendar
feed, and, for its organisers, how to embed the events on another website."""

import pytest
from django.test import Client
from django.urls import reverse

from groundswell.core.testing import add_member, make_user, verified_client
from groundswell.events.tests.helpers import new_group
from groundswell.events.tests.pages_helpers import placed_event
from groundswell.groups.models import Membership

pytestmark = pytest.mark.django_db


def test_the_public_page_lists_public_events_only(client: Client) -> None:
    group = new_group(slug="hackney")
    placed_event(host_group=group, title="Open canvass")
    placed_event(host_group=group, title="Strategy night", visibility="members")
    placed_event(title="Someone else's canvass")

    html = client.get(reverse("groups:detail", args=["hackney"])).content.decode()

    assert "Open canvass" in html
    assert "Strategy night" not in html and "Someone else" not in html
    assert reverse("events:group_feed", args=["hackney"]) in html
    assert reverse("events:embed", args=["hackney"]) not in html  # the snippet is for organisers


def test_organisers_get_the_embed_snippet() -> None:
    group = new_group(slug="hackney")
    organiser = make_user()
    add_member(group, organiser.person, Membership.Role.ORGANISER)  # type: ignore[arg-type]

    html = verified_client(organiser).get(reverse("groups:detail", args=["hackney"])).content
    assert reverse("events:embed", args=["hackney"]).encode() in html
    assert b"New event" in html
