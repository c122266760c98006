"""Merging a duplicate record into the one kept, in one transaction."""

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from groundswell.people import merging
from groundswell.people.actions.records import add_history
from groundswell.people.models import (
    Person,
)


def merge_people(keep: Person, drop: Person, *, actor: Any) -> Person:
    """Move everything from `drop` onto `keep` and delete `drop`, in one transaction. Keep's values
    win where both have one; drop's are kept in a history snapshot. Refuses (ValidationError) two
    records that both have a sign-in account."""
    if keep.pk == drop.pk:
        raise ValidationError("A record cannot be merged with itself.")
    with transaction.atomic():
        locked = {
            p.pk: p
            for p in Person.objects.select_for_update()
            .filter(pk__in=[keep.pk, drop.pk])
            .order_by("pk")
        }
        if len(locked) != 2:
            raise ValidationError("One of these records no longer exists.")
        keep, drop = locked[keep.pk], locked[drop.pk]
        _refuse_two_accounts(keep, drop)
        _merge_into(keep, drop, actor)
    return keep


def _refuse_two_accounts(keep: Person, drop: Person) -> None:
    from groundswell.accounts.models import User

    if User.objects.filter(person__in=[keep, drop]).count() > 1:
        raise ValidationError(
            "Both records have their own sign-in account, so they cannot be merged here. "
            "Ask a data officer to close one of the accounts first."
        )


def _merge_into(keep: Person, drop: Person, actor: Any) -> None:
    before = merging.snapshot(drop)
    merging.move_contacts(keep, drop)
    merging.move_memberships(keep, drop)
    try:
        merging.move_everything_else(keep, drop)
    except merging.MergeConflict as exc:
        raise ValidationError(str(exc)) from None
    keep.tags.add(*drop.tags.all())
    filled = merging.fill_blanks(keep, drop)
    lost = merging.merge_custom_fields(keep, drop)
    merging.settle_consent(keep)
    drop_id, drop_name = drop.pk, drop.full_name or "no name"
    drop.delete()
    keep.save()
    summary = f"Merged with record #{drop_id} ({drop_name})"
    if lost:
        summary += "; kept this record's " + ", ".join(f"{k} (other: {v})" for k, v in lost.items())
    add_history(keep, "merged", summary, actor, dropped=before, filled=filled, lost=lost)
