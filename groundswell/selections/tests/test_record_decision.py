"""The panel's longlist and shortlist decisions, through the panel page: panel members only, a
reason every time, valid nominations only, and the candidate sees the decision and the reason."""

import pytest
from django.urls import reverse
from django.utils.html import escape
from freezegun import freeze_time

from groundswell.core.testing import verified_client
from groundswell.selections.models import Decision

from .helpers import AFTER, DURING, standing, world

pytestmark = pytest.mark.django_db


def _decide(user, w, nomination, stage="longlist", decision="include", reason="Strong record."):  # type: ignore[no-untyped-def]
    url = reverse("selections:decide", args=[w.selection.pk, nomination.pk])
    data = {f"n{nomination.pk}-stage": stage, f"n{nomination.pk}-decision": decision,
            f"n{nomination.pk}-reason": reason}  # fmt: skip
    return verified_client(user).post(url, data)


def test_a_panel_member_longlists_and_the_candidate_sees_why() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(AFTER):
        response = _decide(w.panellist, w, nomination, reason="Long record of organising.")
        page = verified_client(w.members[0]).get(
            reverse("selections:nomination", args=[nomination.pk])
        )
    decision = Decision.objects.get()
    nomination.refresh_from_db()
    assert response.status_code == 302 and nomination.longlisted is True
    assert (decision.decided_by, decision.decided_at) == (w.panellist.person, AFTER)
    assert "Long record of organising." in page.content.decode()


def test_a_rejection_with_its_reason_is_kept_and_shown_to_the_candidate() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(AFTER):
        _decide(w.panellist, w, nomination, decision="exclude", reason="Not a member long enough.")
        page = verified_client(w.members[0]).get(
            reverse("selections:nomination", args=[nomination.pk])
        )
    nomination.refresh_from_db()
    assert nomination.longlisted is False
    assert "Not a member long enough." in page.content.decode()
    assert "not included" in page.content.decode()


def test_too_few_nominators_means_not_valid_and_not_longlisted() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:2])  # 1 of 2 needed
    with freeze_time(AFTER):
        response = _decide(w.panellist, w, nomination)
    nomination.refresh_from_db()
    assert response.status_code == 400
    assert b"not valid" in response.content
    assert nomination.longlisted is None and not Decision.objects.exists()


@pytest.mark.parametrize("who", ["organiser", "candidate", "member", "outsider"])
def test_only_the_panel_records_decisions(who: str) -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    user = {"organiser": w.organiser, "candidate": w.members[0], "member": w.members[3],
            "outsider": w.other_organiser}[who]  # fmt: skip
    with freeze_time(AFTER):
        response = _decide(user, w, nomination)
    assert response.status_code in (403, 404)
    nomination.refresh_from_db()
    assert nomination.longlisted is None and not Decision.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"reason": ""},
        {"reason": "   "},
        {"reason": "x" * 5001},
        {"stage": "final"},
        {"decision": "maybe"},
    ],
)
def test_it_refuses_a_missing_reason_or_bad_input(fields: dict[str, str]) -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(AFTER):
        response = _decide(w.panellist, w, nomination, **fields)
    assert response.status_code == 400
    nomination.refresh_from_db()
    assert nomination.longlisted is None and not Decision.objects.exists()


def test_it_refuses_shortlisting_before_longlisting() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(AFTER):
        response = _decide(w.panellist, w, nomination, stage="shortlist")
    assert b"Only a longlisted candidate" in response.content
    assert not Decision.objects.exists()


def test_it_refuses_deciding_while_nominations_are_open() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(DURING):
        response = _decide(w.panellist, w, nomination)
    assert response.status_code == 400
    assert not Decision.objects.exists()


def test_a_panel_member_cannot_decide_on_their_own_nomination() -> None:
    w = world()
    nomination = standing(w.panellist, w.selection, w.members[1:3])
    with freeze_time(AFTER):
        response = _decide(w.panellist, w, nomination)
    assert b"your own nomination" in response.content
    assert not Decision.objects.exists()


def test_the_panel_page_lists_nominations_in_few_queries(django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    w = world(members=8)
    for m in w.members[:4]:
        standing(m, w.selection, w.members[4:7])
    client = verified_client(w.panellist)
    with freeze_time(AFTER), django_assert_max_num_queries(14):
        response = client.get(reverse("selections:panel", args=[w.selection.pk]))
    assert response.status_code == 200
    assert response.content.decode().count("Record a decision") == 4


def test_other_members_see_neither_the_reason_nor_who_decided() -> None:
    w = world()
    nomination = standing(w.members[0], w.selection, w.members[1:3])
    with freeze_time(AFTER):
        _decide(w.panellist, w, nomination, decision="exclude", reason="Private panel reason.")
        other = verified_client(w.members[3]).get(
            reverse("selections:nomination", args=[nomination.pk])
        )
        own = verified_client(w.members[0]).get(
            reverse("selections:nomination", args=[nomination.pk])
        )
    assert "Private panel reason." not in other.content.decode()
    assert "Private panel reason." in own.content.decode()
    assert escape(str(w.panellist.person)) not in own.content.decode()
