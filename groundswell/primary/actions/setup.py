"""Setting up a primary: its window, categories, support threshold and voting method."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db import transaction

from groundswell.core.access import organised_group_ids, sees_everyone
from groundswell.groups.models import Group
from groundswell.primary.actions.errors import PrimaryError
from groundswell.primary.models import Primary, ThresholdKind, VotingMethod

MAX_CATEGORIES = 12


@dataclass(frozen=True)
class PrimarySpec:
    title: str
    opens_at: datetime
    closes_at: datetime
    categories: tuple[str, ...]
    threshold_kind: str
    threshold_value: int
    method: str
    winners: int = 1
    description: str = ""


def create_primary(user: Any, spec: PrimarySpec, group: Group | None = None) -> Primary:
    """A national primary (national roles only) or a group's (its organisers)."""
    if group is None and not sees_everyone(user):
        raise PrimaryError("Only national organisers can run a national primary.")
    if group is not None and not (
        sees_everyone(user) or group.pk in set(organised_group_ids(user))
    ):
        raise PrimaryError("Only the group's organisers can run a primary for it.")
    categories = _check(spec)
    with transaction.atomic():
        return Primary.objects.create(
            title=spec.title.strip(), description=spec.description.strip(), group=group,
            opens_at=spec.opens_at, closes_at=spec.closes_at, categories=categories,
            threshold_kind=spec.threshold_kind, threshold_value=spec.threshold_value,
            method=spec.method, winners=spec.winners if spec.method != VotingMethod.IRV else 1,
            created_by=user,
        )  # fmt: skip


def _check(spec: PrimarySpec) -> list[str]:
    if not spec.title.strip() or len(spec.title.strip()) > 200:
        raise PrimaryError("Give the primary a title of at most 200 characters.")
    if not spec.opens_at < spec.closes_at:
        raise PrimaryError("The submission window must open before it closes.")
    categories = list(dict.fromkeys(c.strip() for c in spec.categories if c.strip()))
    if not 1 <= len(categories) <= MAX_CATEGORIES or any(len(c) > 100 for c in categories):
        raise PrimaryError(f"Give between 1 and {MAX_CATEGORIES} categories, each short.")
    if spec.threshold_kind not in ThresholdKind.values or spec.threshold_value < 1:
        raise PrimaryError("Give the support threshold as a number or a percentage of at least 1.")
    if spec.threshold_kind == ThresholdKind.PERCENT and spec.threshold_value > 100:
        raise PrimaryError("A percentage threshold cannot be over 100.")
    if spec.method not in VotingMethod.values:
        raise PrimaryError("Choose a voting method for the shortlist ballot.")
    if not 1 <= spec.winners <= 50:
        raise PrimaryError("Give a number of winners between 1 and 50.")
    return categories
