"""Merge fields in texting messages ({given_name}, {family_name}, {texter_name}, {group_name}):
checking a template an organiser wrote, and filling it in for one person. No Django here.

Braces are only ever merge fields: a `{` or `}` that is not part of a known field is refused, so a
typo such as {givenname} or {given_name is caught in the editor, not in a volunteer's sent text.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

MERGE_FIELDS: dict[str, str] = {
    "given_name": "their first name",
    "family_name": "their last name",
    "texter_name": "the texter's first name",
    "group_name": "the campaign's group, or the movement's name",
}

_FIELD = re.compile(r"\{([^{}]*)\}")


class MergeError(ValueError):
    """A template with unknown or broken merge fields; the message is fit to show its writer."""


@dataclass(frozen=True)
class MergeValues:
    given_name: str
    family_name: str
    texter_name: str
    group_name: str

    def as_dict(self) -> dict[str, str]:
        return {name: getattr(self, name) for name in MERGE_FIELDS}


def check_template(text: str) -> None:
    """Raise MergeError naming every problem with the merge fields in `text`."""
    unknown = [name for name in _FIELD.findall(text) if name not in MERGE_FIELDS]
    problems = []
    if unknown:
        listed = ", ".join(f"{{{name}}}" for name in dict.fromkeys(unknown))
        known = ", ".join(f"{{{name}}}" for name in MERGE_FIELDS)
        problems.append(f"Unknown merge field {listed}: use one of {known}.")
    stray = _FIELD.sub("", text)
    if "{" in stray or "}" in stray:
        problems.append(
            "A { or } is not part of a merge field: write merge fields like {given_name}."
        )
    if problems:
        raise MergeError(" ".join(problems))


def render(text: str, values: Mapping[str, str]) -> str:
    """`text` with each merge field replaced (check_template first: unknown fields raise)."""
    check_template(text)
    return _FIELD.sub(lambda match: values.get(match.group(1), ""), text)


def fields_used(text: str) -> list[str]:
    """The known merge fields `text` uses, in order of first use."""
    return [name for name in dict.fromkeys(_FIELD.findall(text)) if name in MERGE_FIELDS]
