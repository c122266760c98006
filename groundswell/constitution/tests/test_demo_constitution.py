"""The demo's constitution drafting, built on a small demo movement through the real actions."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from groundswell.constitution.models import Amendment, Document, Seconding, Version

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_open_national_window_and_a_local_document_at_version_two() -> None:
    call_command(
        "load_demo", "--people", "200", "--seed", "5", stdout=StringIO()
    )  # calls write_constitution
    national = Document.objects.get(group__isnull=True)
    assert national.amendments_open < timezone.now() < national.amendments_close
    assert national.amendments.filter(status="proposed").count() == 3
    assert not Seconding.objects.filter(person__user__email="member@example.org").exists()
    local = Document.objects.get(group__isnull=False)
    assert Version.objects.filter(document=local).count() == 2
    decided = set(Amendment.objects.filter(document=local).values_list("status", flat=True))
    assert "adopted" in decided and "balloted" not in decided
