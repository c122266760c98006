"""Standing through the stand page: eligible members in the window, with a statement."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.accounts.models import Role
from groundswell.core.testing import make_user, verified_client
from groundswell.selections.actions import create_selection
from groundswell.selections.models import Nomination

from .helpers import AFTER, BEFORE, DURING, person, spec, world

pytestmark = pytest.mark.django_db


def _stand(user, selection, statement="I will fight for every tenant."):  # type: ignore[no-untyped-def]
    url = reverse("selections:stand", args=[selection.pk])
    return verified_client(user).post(url, {"statement": statement})


def test_a_member_stands_with_a_statement_in_the_window() -> None:
    w = world()
    with freeze_time(DURING):
        response = _stand(w.members[0], w.selection)
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("selections:nomination", args=[nomination.pk])
    assert nomination.candidate == w.members[0].person
    assert nomination.statement == "I will fight for every tenant."


@pytest.mark.parametrize("moment", [BEFORE, AFTER])
def test_it_refuses_a_nomination_outside_the_window(moment: object) -> None:
    w = world()
    with freeze_time(moment):  # type: ignore[arg-type]
        response = _stand(w.members[0], w.selection)
    assert response.status_code == 400
    assert b"Nominations have" in response.content
    assert not Nomination.objects.exists()


def test_it_refuses_a_member_of_another_group() -> None:
    w = world()
    with freeze_time(DURING):
        response = _stand(w.outsider, w.selection)
    assert response.status_code == 404  # the selection is not theirs to see
    assert not Nomination.objects.exists()


def test_it_refuses_a_supporter_who_can_see_a_national_selection() -> None:
    national = create_selection(make_user(Role.NATIONAL_ORGANISER), spec())
    supporter = make_user(Role.MEMBER, person=person(status="supporter"))
    with freeze_time(DURING):
        response = _stand(supporter, national)
    assert response.status_code == 403
    assert not Nomination.objects.exists()


@pytest.mark.parametrize("statement", ["", "   ", "x" * 10_001])
def test_it_refuses_a_missing_or_overlong_statement(statement: str) -> None:
    w = world()
    with freeze_time(DURING):
        response = _stand(w.members[0], w.selection, statement)
    assert response.status_code == 400
    assert not Nomination.objects.exists()


def test_it_refuses_standing_twice() -> None:
    w = world()
    with freeze_time(DURING):
        _stand(w.members[0], w.selection)
        response = _stand(w.members[0], w.selection, "Again")
    assert response.status_code == 400
    assert b"already stood" in response.content
    assert Nomination.objects.count() == 1
