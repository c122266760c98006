"""Fixtures for the people tests."""

from typing import Any

import pytest

from groundswell.people.tests.fixtures import Movement, build_movement


@pytest.fixture
def movement(db: Any) -> Movement:
    return build_movement()
