"""Checking an importer's choice of field for each column, and turning it into a plan for the validator."""

from dataclasses import dataclass

from groundswell.people.importing.fields import (
    CUSTOM_PREFIX,
    FIELDS,
    IGNORE,
    MATCH_FIELDS,
    MULTI_COLUMN,
)


class MappingError(ValueError):
    """The mapping cannot be used; `problems` lists why, each fit to show the importer."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(" ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Plan:
    """Which columns feed which field: {"email": [2], "address_lines": [4, 5], ...}."""

    columns: dict[str, list[int]]

    def first(self, field: str) -> int | None:
        found = self.columns.get(field)
        return found[0] if found else None

    @property
    def custom_keys(self) -> list[str]:
        return [f.removeprefix(CUSTOM_PREFIX) for f in self.columns if f.startswith(CUSTOM_PREFIX)]


def make_plan(mapping: list[str], headers: list[str], custom_keys: set[str]) -> Plan:
    """The plan for a mapping (one field per column, "" to ignore), or MappingError."""
    if len(mapping) != len(headers):
        raise MappingError(["Choose a field (or “ignore”) for every column of the file."])
    columns: dict[str, list[int]] = {}
    problems = []
    for index, field in enumerate(mapping):
        if field == IGNORE:
            continue
        if field not in FIELDS and field.removeprefix(CUSTOM_PREFIX) not in custom_keys:
            problems.append(f"Column “{headers[index]}”: “{field}” is not a field people have.")
            continue
        columns.setdefault(field, []).append(index)
    for field, indexes in columns.items():
        if len(indexes) > 1 and field not in MULTI_COLUMN:
            names = ", ".join(f"“{headers[i]}”" for i in indexes)
            problems.append(f"{_label(field)} is chosen for several columns ({names}): choose one.")
    if not MATCH_FIELDS & columns.keys():
        problems.append(
            "Choose the column that holds email addresses or mobile numbers: each person is "
            "matched on one of them, so nobody is added twice."
        )
    if problems:
        raise MappingError(problems)
    return Plan(columns)


def _label(field: str) -> str:
    return FIELDS.get(field) or "The custom field " + field.removeprefix(CUSTOM_PREFIX)
