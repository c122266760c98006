"""CSV export of a filtered people list: streamed row by row, safe to open in a spreadsheet, and recorded."""

import csv
from collections.abc import Iterable, Iterator
from typing import Any

from django.db.models import Prefetch, QuerySet

from groundswell.people.custom_values import display_custom_value
from groundswell.people.models import CustomField, EmailAddress, Person, PhoneNumber

CHUNK = 2000
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = [
    "id",
    "given_name",
    "family_name",
    "email",
    "phone",
    "address_lines",
    "locality",
    "region",
    "postal_code",
    "country",
    "constituency",
    "membership_status",
    "member_since",
    "source",
    "tags",
    "email_consent",
    "sms_consent",
    "phone_consent",
    "created_date",
]


def safe_cell(value: object) -> str:
    """A cell a spreadsheet will show as text: one that would start a formula gets a leading apostrophe."""
    text = display_custom_value(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def export_rows(qs: QuerySet[Person]) -> Iterator[list[str]]:
    """The header row, then one row per person, fetching CHUNK people (and their tags, emails and
    phones) at a time so a million rows never sit in memory together."""
    fields = list(CustomField.objects.values_list("key", flat=True))
    yield COLUMNS + [f"custom:{key}" for key in fields]
    for person in _for_export(qs).iterator(chunk_size=CHUNK):
        yield [safe_cell(v) for v in _values(person, fields)]


def _for_export(qs: QuerySet[Person]) -> QuerySet[Person]:
    return (
        qs.select_related("constituency")
        .defer("constituency__boundary")
        .order_by("id")
        .prefetch_related(
            "tags",
            Prefetch("emails", EmailAddress.objects.filter(primary=True), to_attr="primary_emails"),
            Prefetch("phones", PhoneNumber.objects.filter(primary=True), to_attr="primary_phones"),
        )
    )


def _values(person: Any, fields: list[str]) -> Iterable[object]:
    emails, phones = person.primary_emails, person.primary_phones
    yield from (person.pk, person.given_name, person.family_name)
    yield emails[0].address if emails else ""
    yield phones[0].number if phones else ""
    yield from (person.address_lines, person.locality, person.region, person.postal_code)
    yield person.country
    yield person.constituency.name if person.constituency else ""
    yield from (person.membership_status, person.member_since or "", person.source)
    yield "; ".join(tag.name for tag in person.tags.all())
    yield from (person.email_consent, person.sms_consent, person.phone_consent)
    yield person.created_at.isoformat(timespec="seconds")
    for key in fields:
        yield person.custom_fields.get(key)


class _Echo:
    """A file-like object whose write returns the line, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[list[str]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield "\ufeff"  # so Excel reads the file as UTF-8
    for row in rows:
        yield writer.writerow(row)
