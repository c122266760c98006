"""Letting the demo loader write the past: real creation times instead of "now" on auto_now fields."""

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import models


@contextmanager
def given_timestamps(*fields: tuple[type[models.Model], str]) -> Iterator[None]:
    """Within the block, the named auto_now/auto_now_add fields keep the values the caller set.

    Only for one-off loaders like the demo: it changes the field definitions for the whole process.
    """
    changed = []
    for model, name in fields:
        field = model._meta.get_field(name)
        assert isinstance(field, models.DateField)
        changed.append((field, field.auto_now, field.auto_now_add))
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in changed:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add
