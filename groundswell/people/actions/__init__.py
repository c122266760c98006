"""Every write to people's records , split by what they change."""

from groundswell.people.actions.annotations import (
    NOTE_MAX,
    add_note,
    add_tag,
    clean_tag_name,
    define_custom_field,
    remove_tag,
    set_custom_fields,
    set_tags,
)
from groundswell.people.actions.exports import (
    record_export,
)
from groundswell.people.actions.merge import (
    merge_people,
)
from groundswell.people.actions.records import (
    CONSENT_FIELDS,
    EDITABLE_FIELDS,
    PersonDetails,
    add_email,
    add_history,
    add_phone,
    find_existing_person,
    record_consent,
    update_person,
    upsert_person,
)

__all__ = [
    "CONSENT_FIELDS",
    "EDITABLE_FIELDS",
    "NOTE_MAX",
    "PersonDetails",
    "add_email",
    "add_history",
    "add_note",
    "add_phone",
    "add_tag",
    "clean_tag_name",
    "define_custom_field",
    "find_existing_person",
    "merge_people",
    "record_consent",
    "record_export",
    "remove_tag",
    "set_custom_fields",
    "set_tags",
    "update_person",
    "upsert_person",
]
