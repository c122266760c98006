"""The whole journey through the pages: an organiser sets up a primary, members submit and support,
the organiser shortlists and opens the ballot, members vote, and the winners are published and
exported as conference motions in Markdown and PDF."""

import pytest
from django.urls import reverse
from freezegun import freeze_time

from groundswell.core.testing import signed_in_client, verified_client
from groundswell.democracy.actions import freeze_electorate
from groundswell.democracy.models import Ballot
from groundswell.primary.models import Primary

from .helpers import AFTER, BALLOT, CLOSES, DURING, FREEZING, OPENS, RESULTS, VOTING, world
from .pdf_text import pdf_text

pytestmark = pytest.mark.django_db

FMT = "%Y-%m-%dT%H:%M"
TITLES = ("“Fair rents” now", "Water at £0 profit", "Free buses")


def _set_up(w) -> Primary:  # type: ignore[no-untyped-def]
    data = {"title": "Conference ‘26’", "group": str(w.group.pk), "opens_at": OPENS.strftime(FMT),
            "closes_at": CLOSES.strftime(FMT), "categories": "Housing\nEconomy\n", "winners": "2",
            "threshold_kind": "number", "threshold_value": "2", "method": "approval"}  # fmt: skip
    with freeze_time(OPENS):
        response = verified_client(w.organiser).post(reverse("primary:new"), data)
    assert response.status_code == 302
    return Primary.objects.get(title="Conference ‘26’")


def _submit_and_support(w, primary) -> None:  # type: ignore[no-untyped-def]
    with freeze_time(DURING):
        for author, title in zip(w.members, TITLES, strict=False):
            data = {"title": title, "category": "Housing", "text": f"We call for {title}."}
            signed_in_client(author).post(reverse("primary:submit", args=[primary.pk]), data)
        for proposal in primary.proposals.all():
            for m in w.members:
                signed_in_client(m).post(reverse("primary:support", args=[proposal.pk]))


def _shortlist_and_vote(w, primary) -> Ballot:  # type: ignore[no-untyped-def]
    times = {k: getattr(BALLOT, k).strftime(FMT) for k in ("cut_off", "opens_at", "closes_at")}
    with freeze_time(AFTER):
        verified_client(w.organiser).post(reverse("primary:shortlist", args=[primary.pk]), times)
    primary.refresh_from_db()
    assert primary.ballot is not None
    freeze_electorate(primary.ballot, FREEZING)
    voters = [*w.members, w.organiser]
    # Options in order of support, then submission: all have three supporters here.
    approvals = [["1", "2"], ["1", "2"], ["1"], ["3"], ["1"]]  # 4, 2, 1
    with freeze_time(VOTING):
        for user, picks in zip(voters, approvals, strict=True):
            url = reverse("democracy:ballot", args=[primary.ballot.pk])
            assert signed_in_client(user).post(url, {"q1": picks}).status_code in (200, 302)
    return primary.ballot


def test_from_set_up_to_exported_motions() -> None:
    w = world(members=4)
    primary = _set_up(w)
    _submit_and_support(w, primary)
    assert primary.proposals.count() == 3
    _shortlist_and_vote(w, primary)
    client = signed_in_client(w.members[3])  # any eligible member sees the outcome
    with freeze_time(RESULTS):
        page = client.get(reverse("primary:results", args=[primary.pk])).content.decode()
        markdown = client.get(reverse("primary:motions_md", args=[primary.pk]))
        pdf = client.get(reverse("primary:motions_pdf", args=[primary.pk]))
    assert "Motion 1: “Fair rents” now" in page and "Motion 2: Water at £0 profit" in page
    assert "Free buses" not in page
    md = markdown.content.decode()
    assert markdown["Content-Type"].startswith("text/markdown")
    assert md.startswith("# Conference motions: Conference ‘26’")
    assert "## Motion 1: “Fair rents” now" in md and "We call for “Fair rents” now." in md
    assert "*Approvals in the ballot:* 4" in md and "## Motion 2: Water at £0 profit" in md
    assert "Free buses" not in md
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    text = pdf_text(pdf.content)
    assert 'Motion 1: "Fair rents" now' in text and "Motion 2: Water at \xa30 profit" in text


def test_results_wait_for_the_ballot_to_close_and_stay_inside_the_electorate() -> None:
    w = world(members=4)
    primary = _set_up(w)
    _submit_and_support(w, primary)
    _shortlist_and_vote(w, primary)
    with freeze_time(VOTING):
        page = signed_in_client(w.members[0]).get(reverse("primary:results", args=[primary.pk]))
        early = signed_in_client(w.members[0]).get(
            reverse("primary:motions_pdf", args=[primary.pk])
        )
    assert "Motion 1" not in page.content.decode() and early.status_code == 404
    with freeze_time(RESULTS):
        outsider = signed_in_client(w.outsider).get(reverse("primary:results", args=[primary.pk]))
        md = signed_in_client(w.outsider).get(reverse("primary:motions_md", args=[primary.pk]))
    assert outsider.status_code == 404 and md.status_code == 404
