"""The parts of merging two person records: each moves one kind of thing from the dropped record to the kept one.

`groundswell.people.actions.merge_people` runs them in one transaction; nothing here commits on its own.
"""

from typing import Any

from django.db import IntegrityError, transaction

from groundswell.groups.models import Membership
from groundswell.people.models import Channel, EmailAddress, Person, PhoneNumber

STATUS_RANK = {"supporter": 0, "lapsed": 1, "member": 2}
_BLANK_FILLED = ("given_name", "family_name", "source")
_ADDRESS = ("address_lines", "locality", "region", "postal_code", "country", "lat", "lng")
_PLACE = (*_ADDRESS, "location_precision", "constituency_id")
_HANDLED = {EmailAddress, PhoneNumber, Membership}


def snapshot(person: Person) -> dict[str, Any]:
    """Everything the dropped record said, kept in the kept record's history."""
    fields = {f.attname: getattr(person, f.attname) for f in Person._meta.concrete_fields}
    fields = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in fields.items()}
    fields["emails"] = [[e.address, e.status, e.primary] for e in person.emails.all()]
    fields["phones"] = [[p.number, p.number_type, p.do_not_call] for p in person.phones.all()]
    fields["tags"] = sorted(person.tags.values_list("name", flat=True))
    fields["memberships"] = list(person.memberships.values_list("group_id", "role"))
    return fields


def move_contacts(keep: Person, drop: Person) -> None:
    if keep.emails.filter(primary=True).exists():
        drop.emails.update(primary=False)
    drop.emails.update(person=keep)
    keep_numbers = {p.number: p for p in keep.phones.all()}
    has_primary = any(p.primary for p in keep_numbers.values())
    for phone in drop.phones.all():
        same = keep_numbers.get(phone.number)
        if same is None:
            phone.person, phone.primary = keep, phone.primary and not has_primary
            phone.save()
        elif phone.do_not_call and not same.do_not_call:
            # A do-not-call request on either record must survive the merge.
            same.do_not_call = True
            same.save(update_fields=["do_not_call"])


def move_memberships(keep: Person, drop: Person) -> None:
    held = {m.group_id: m for m in keep.memberships.all()}
    for membership in drop.memberships.all():
        mine = held.get(membership.group_id)
        if mine is None:
            membership.person = keep
            membership.save()
            continue
        if membership.role == Membership.Role.ORGANISER:
            mine.role = Membership.Role.ORGANISER
        mine.joined_at = min(mine.joined_at, membership.joined_at)
        mine.save(update_fields=["role", "joined_at"])
        membership.delete()


def fill_blanks(keep: Person, drop: Person) -> list[str]:
    """Keep's values win; drop's fill what keep lacks. Returns the names of fields filled."""
    filled = [name for name in _BLANK_FILLED if not getattr(keep, name) and getattr(drop, name)]
    for name in filled:
        setattr(keep, name, getattr(drop, name))
    if not keep.postal_code and drop.postal_code:
        for name in _PLACE:
            setattr(keep, name, getattr(drop, name))
        filled.append("address")
    if STATUS_RANK.get(drop.membership_status, 0) > STATUS_RANK.get(keep.membership_status, 0):
        keep.membership_status, keep.lapsed_on = drop.membership_status, drop.lapsed_on
        filled.append("membership status")
    if drop.member_since and (keep.member_since is None or drop.member_since < keep.member_since):
        keep.member_since = drop.member_since
        filled.append("member since")
    return filled


def merge_custom_fields(keep: Person, drop: Person) -> dict[str, Any]:
    """Adds drop's values keep lacks; returns drop's values that lost to a different kept value."""
    lost = {}
    for key, value in drop.custom_fields.items():
        if key not in keep.custom_fields:
            keep.custom_fields[key] = value
        elif keep.custom_fields[key] != value:
            lost[key] = value
    return lost


def settle_consent(keep: Person) -> None:
    """After the changes are pooled, each channel follows the latest change on either record,
    so a withdrawal recorded on the dropped record is never lost."""
    for channel, attr in (
        (Channel.EMAIL, "email_consent"),
        (Channel.SMS, "sms_consent"),
        (Channel.PHONE, "phone_consent"),
    ):
        latest = keep.consent_changes.filter(channel=channel).order_by("-at", "-id").first()
        if latest is not None:
            setattr(keep, attr, latest.granted)


def move_everything_else(keep: Person, drop: Person) -> None:
    """Notes, history, consent changes, a sign-in account, and whatever later apps hang on a person."""
    for rel in Person._meta.related_objects:
        if rel.related_model in _HANDLED:
            continue
        if rel.many_to_many:
            _move_m2m(rel, keep, drop)
        else:
            _move_rows(rel.related_model, rel.field.name, keep, drop)


def _move_rows(model: Any, field: str, keep: Person, drop: Person) -> None:
    try:
        with transaction.atomic():
            model._default_manager.filter(**{field: drop}).update(**{field: keep})
    except IntegrityError:
        what = model._meta.verbose_name_plural
        raise MergeConflict(f"Both records have {what} that cannot be combined.") from None


def _move_m2m(rel: Any, keep: Person, drop: Person) -> None:
    through = rel.through
    mine = next(f.name for f in through._meta.fields if f.related_model is Person)
    other = next(f.name for f in through._meta.fields if f.is_relation and f.name != mine)
    already = through.objects.filter(**{mine: keep}).values(other)
    through.objects.filter(**{mine: drop, f"{other}__in": already}).delete()
    through.objects.filter(**{mine: drop}).update(**{mine: keep})


class MergeConflict(ValueError):
    """Two records hold something that cannot be combined; the message says what."""
