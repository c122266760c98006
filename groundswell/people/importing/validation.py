"""One row of an import, checked: the PersonDetails it describes, or the problems that stop it.

No database access: tags come from a TagBook and custom field definitions are passed in. Postcodes
are only collected here; the pipeline places them a chunk at a time (geo.queries.locate_many).
"""

from dataclasses import dataclass, field
from datetime import date

from groundswell.people.actions import PersonDetails
from groundswell.people.contact import ContactError, Phone, normalise_email
from groundswell.people.custom_values import CustomValueError, clean_custom_value
from groundswell.people.importing.cleaning import (
    CellError,
    parse_consent,
    parse_date,
    parse_status,
    split_full_name,
    split_tags,
)
from groundswell.people.importing.mapping import Plan
from groundswell.people.importing.phones import parse_phone
from groundswell.people.importing.tagbook import TagBook

_LIMITS = {"given_name": 150, "family_name": 150, "locality": 100, "region": 100, "source": 100}
_CONSENTS = {"consent_email": "email", "consent_sms": "sms", "consent_phone": "phone"}


@dataclass(frozen=True)
class CustomSpec:
    kind: str
    choices: list[str]
    label: str


@dataclass(slots=True)
class Candidate:
    """A row that passed its own checks; the pipeline still places its postcode and matches it."""

    number: int
    details: PersonDetails
    other_phones: list[Phone] = field(default_factory=list)
    raw_postcode: str = ""
    person_id: int | None = None  # the existing person it updates, once matched

    @property
    def mobile(self) -> str:
        phone = self.details.phone
        return phone.number if phone and phone.number_type == "mobile" else ""

    @property
    def mobiles(self) -> list[str]:
        phones = [self.details.phone, *self.other_phones]
        return [p.number for p in phones if p and p.number_type == "mobile"]


def _has_mobile(details: PersonDetails) -> bool:
    return details.phone is not None and details.phone.number_type == "mobile"


class RowValidator:
    def __init__(
        self,
        plan: Plan,
        headers: list[str],
        tags: TagBook,
        custom: dict[str, CustomSpec],
        today: date,
        default_source: str = "",
    ) -> None:
        self.plan, self.headers, self.tags = plan, headers, tags
        self.custom = {key: custom[key] for key in plan.custom_keys}
        self.today = today
        self.default_source = default_source[:100]
        self.width = len(headers)
        self.texts = [(f, plan.columns[f][0]) for f in _LIMITS if f in plan.columns]

    def check(self, number: int, cells: list[str]) -> tuple[Candidate | None, list[str]]:
        """The candidate this row describes and no problems, or None and what is wrong."""
        if len(cells) < self.width:
            cells = cells + [""] * (self.width - len(cells))
        problems: list[str] = []
        if len(cells) > self.width and any(c.strip() for c in cells[self.width :]):
            problems.append("the row has more cells than the file has column names")
        details = PersonDetails(source=self.default_source)
        self._texts(details, cells, problems)
        before = len(problems)
        self._email(details, cells, problems)
        extra = self._phones(details, cells, problems)
        if len(problems) == before and not details.email and not _has_mobile(details):
            problems.append("no email address or mobile number to match this person on")
        self._membership(details, cells, problems)
        self._tags(details, cells, problems)
        self._consents(details, cells, problems)
        self._custom(details, cells, problems)
        if problems:
            return None, problems
        postcode = self._cell(cells, "postal_code")
        return Candidate(number, details, extra, postcode), problems

    def _cell(self, cells: list[str], name: str) -> str:
        index = self.plan.first(name)
        return "" if index is None else cells[index].strip()

    def _texts(self, details: PersonDetails, cells: list[str], problems: list[str]) -> None:
        for name, index in self.texts:
            value = " ".join(cells[index].split())
            if len(value) > _LIMITS[name]:
                problems.append(f"{self.headers[index]}: longer than {_LIMITS[name]} characters")
            elif value:
                setattr(details, name, value)
        full = self._cell(cells, "full_name")
        if full:
            given, family = split_full_name(full)
            details.given_name = details.given_name or given[:150]
            details.family_name = details.family_name or family[:150]
        lines = [cells[i].strip() for i in self.plan.columns.get("address_lines", ())]
        details.address_lines = "\n".join(line for line in lines if line)[:1000]

    def _email(self, details: PersonDetails, cells: list[str], problems: list[str]) -> None:
        raw = self._cell(cells, "email")
        if raw:
            try:
                details.email = normalise_email(raw)
            except ContactError as error:
                problems.append(f"{self.headers[self.plan.columns['email'][0]]}: {error}")

    def _phones(self, details: PersonDetails, cells: list[str], problems: list[str]) -> list[Phone]:
        phones: list[Phone] = []
        for index in self.plan.columns.get("phone", ()):
            raw = cells[index].strip()
            if not raw:
                continue
            try:
                phone = parse_phone(raw)
            except ContactError as error:
                problems.append(f"{self.headers[index]}: {error}")
                continue
            if phone not in phones:
                phones.append(phone)
        # The first mobile is the one we match on; the others are simply added.
        phones.sort(key=lambda p: p.number_type != "mobile")
        details.phone = phones[0] if phones else None
        if (
            not problems
            and not details.email
            and not (phones and phones[0].number_type == "mobile")
        ):
            problems.append("no email address or mobile number to match this person on")
        return phones[1:]

    def _membership(self, details: PersonDetails, cells: list[str], problems: list[str]) -> None:
        status, since = self._cell(cells, "membership_status"), self._cell(cells, "member_since")
        try:
            details.membership_status = parse_status(status) if status else ""
        except CellError as error:
            problems.append(f"{self.headers[self.plan.columns['membership_status'][0]]}: {error}")
        try:
            details.member_since = parse_date(since, self.today) if since else None
        except CellError as error:
            problems.append(f"{self.headers[self.plan.columns['member_since'][0]]}: {error}")

    def _tags(self, details: PersonDetails, cells: list[str], problems: list[str]) -> None:
        for index in self.plan.columns.get("tags", ()):
            names, refused = self.tags.resolve(split_tags(cells[index]))
            details.tags += [name for name in names if name not in details.tags]
            problems += [f"{self.headers[index]}: {problem}" for problem in refused]

    def _consents(self, details: PersonDetails, cells: list[str], problems: list[str]) -> None:
        for name, channel in _CONSENTS.items():
            index = self.plan.first(name)
            if index is None or not cells[index].strip():
                continue
            try:
                granted = parse_consent(cells[index])
            except CellError as error:
                problems.append(f"{self.headers[index]}: {error}")
                continue
            if granted is not None:
                details.consents[channel] = granted

    def _custom(self, details: PersonDetails, cells: list[str], problems: list[str]) -> None:
        for key, spec in self.custom.items():
            index = self.plan.columns["custom:" + key][0]
            try:
                value = clean_custom_value(spec.kind, cells[index], spec.choices, spec.label)
            except CustomValueError as error:
                problems.append(f"{self.headers[index]}: {error}")
                continue
            if value is not None:
                details.custom_fields[key] = value
