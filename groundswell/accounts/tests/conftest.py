"""Fixtures for the accounts tests."""

import pytest
from django.core import mail
from django.core.cache import cache
from pytest_django import Settings

from groundswell.accounts.tests.helpers import district

IN_MEMORY = {
    "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
    "TASKS": {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}},
}


@pytest.fixture(autouse=True)
def _in_memory_cache_and_tasks(settings: Settings) -> None:
    # The root conftest's environment variables arrive after pytest-django has loaded the settings,
    # so without this the throttles would share a file cache with every other test run on the machine.
    for name, value in IN_MEMORY.items():
        setattr(settings, name, value)
    cache.clear()


@pytest.fixture(autouse=True)
def _places(db: None) -> None:
    for code in ("SW1A", "SE1", "M1"):
        district(code)


@pytest.fixture
def outbox(mailoutbox: list[mail.EmailMessage]) -> list[mail.EmailMessage]:
    return mailoutbox
