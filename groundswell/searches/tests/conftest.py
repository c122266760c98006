"""Fixtures for the saved-search tests."""

from typing import Any

import pytest

from groundswell.searches.tests.fixtures import Movement, build_movement


@pytest.fixture
def movement(db: Any) -> Movement:
    return build_movement()
