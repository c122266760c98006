"""Setting up a primary: national roles for a national one, a group's organisers for the group's;
bad input writes nothing."""

import pytest
from django.urls import reverse

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user, verified_client
from groundswell.groups.models import Membership
from groundswell.primary.models import Primary

from .helpers import world

pytestmark = pytest.mark.django_db

GOOD = {"title": "Conference 2026", "opens_at": "2026-03-01T09:00", "closes_at": "2026-03-15T17:00",
        "categories": "Economy\nHousing\n\nHousing", "threshold_kind": "percent", "threshold_value": "5",
        "method": "stv", "winners": "3"}  # fmt: skip


def test_a_national_organiser_sets_up_a_national_primary() -> None:
    response = verified_client(make_user(Role.NATIONAL_ORGANISER)).post(
        reverse("primary:new"), {**GOOD, "group": ""}
    )
    primary = Primary.objects.get()
    assert response.status_code == 302 and primary.group is None
    assert primary.categories == ["Economy", "Housing"] and (primary.method, primary.winners) == (
        "stv",
        3,
    )


def test_a_group_organiser_sets_up_one_for_their_group_but_not_a_national_one() -> None:
    w = world()
    Primary.objects.all().delete()
    client = verified_client(w.organiser)
    assert (
        client.post(reverse("primary:new"), {**GOOD, "group": str(w.group.pk)}).status_code == 302
    )
    assert Primary.objects.get().group == w.group
    national = client.post(reverse("primary:new"), {**GOOD, "group": ""})
    assert national.status_code == 400 and "Only national organisers" in national.content.decode()
    elsewhere = Membership.objects.get(person__user=w.outsider).group_id
    other_group = client.post(reverse("primary:new"), {**GOOD, "group": str(elsewhere)})
    assert other_group.status_code == 400 and Primary.objects.count() == 1


def test_a_plain_member_is_refused() -> None:
    assert verified_client(make_user()).post(reverse("primary:new"), GOOD).status_code == 403
    assert not Primary.objects.exists()


@pytest.mark.parametrize(
    "bad",
    [{"title": ""}, {"closes_at": "2026-02-01T09:00"}, {"categories": "\n \n"},
     {"categories": "\n".join(f"C{n}" for n in range(13))}, {"threshold_value": "0"},
     {"threshold_kind": "percent", "threshold_value": "101"}, {"method": "borda"},
     {"winners": "-1"}, {"opens_at": "soon"}, {"group": "999999"}],
)  # fmt: skip
def test_bad_input_writes_nothing(bad) -> None:  # type: ignore[no-untyped-def]
    client = verified_client(make_user(Role.NATIONAL_ORGANISER))
    response = client.post(reverse("primary:new"), {**GOOD, "group": "", **bad})
    assert response.status_code == 400 and "errorlist" in response.content.decode()
    assert not Primary.objects.exists()
