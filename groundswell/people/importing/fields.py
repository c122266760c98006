"""What a column can be imported as, and a first guess from its header (including the headers of
Action Network and NationBuilder exports). Pure: custom fields are passed in as (key, label) pairs."""

import re
from collections.abc import Iterable

IGNORE = ""
CUSTOM_PREFIX = "custom:"

FIELDS: dict[str, str] = {
    "given_name": "Given (first) name",
    "family_name": "Family (last) name",
    "full_name": "Full name (split into given and family)",
    "email": "Email address",
    "phone": "Phone number (mobile or landline)",
    "address_lines": "Address line",
    "locality": "Town or city",
    "region": "County or region",
    "postal_code": "Postcode",
    "membership_status": "Membership status",
    "member_since": "Member since (date)",
    "source": "Source",
    "tags": "Tags (several in one cell, split by commas or semicolons)",
    "consent_email": "Consent to email (yes/no)",
    "consent_sms": "Consent to text messages (yes/no)",
    "consent_phone": "Consent to phone calls (yes/no)",
}
# Fields that several columns may feed: address lines are joined, phones and tags all kept.
MULTI_COLUMN = frozenset({"address_lines", "phone", "tags"})
MATCH_FIELDS = frozenset({"email", "phone"})


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Headers seen in the wild, compared after header_key(): ours, Action Network (can2_*), NationBuilder.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "given_name": _words("first_name firstname given_name forename first fname"),
    "family_name": _words("last_name lastname surname family_name last lname"),
    "full_name": _words("name full_name fullname display_name"),
    "email": _words("email email_address e_mail emailaddress primary_email email1"),
    "phone": _words(
        "phone phone_number mobile mobile_number mobile_phone cell cell_phone telephone "
        "tel can2_phone primary_phone home_phone work_phone phone1 mobile_phone_number"
    ),
    "address_lines": _words(
        "address address1 address2 address_1 address_2 address_line_1 address_line_2 "
        "address_line1 address_line2 street street_address can2_user_address "
        "primary_address1 primary_address2 primary_address3"
    ),
    "locality": _words("city town locality can2_user_city primary_city town_city"),
    "region": _words("county region state can2_state_abbreviated primary_state"),
    "postal_code": _words(
        "postcode post_code postal_code zip zip_code zipcode primary_zip can2_user_zip postalcode"
    ),
    "membership_status": _words("membership_status member_status membership"),
    "member_since": _words("member_since joined join_date joined_on date_joined"),
    "source": _words("source signup_source can2_source recruiter"),
    "tags": _words("tags tag_list tag can2_tags labels"),
    "consent_email": _words(
        "email_consent consent_email email_opt_in can2_subscription_status "
        "email_subscribed subscribed"
    ),
    "consent_sms": _words("sms_consent consent_sms sms_opt_in mobile_opt_in can2_sms_status"),
    "consent_phone": _words("phone_consent consent_phone call_consent phone_opt_in"),
}
_BY_HEADER = {header: field for field, headers in _SYNONYMS.items() for header in headers}


def header_key(header: str) -> str:
    """'First Name' -> 'first_name', 'E-mail' -> 'e_mail': how headers are compared."""
    return re.sub(r"[^a-z0-9]+", "_", header.strip().lower()).strip("_")


def choices(custom_fields: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """Every field a column can be mapped to, for a select box, "ignore" first."""
    options = [(IGNORE, "— ignore this column —"), *FIELDS.items()]
    options += [(CUSTOM_PREFIX + key, f"Custom field: {label}") for key, label in custom_fields]
    return options


def guess_mapping(headers: list[str], custom_fields: Iterable[tuple[str, str]]) -> list[str]:
    """A field per column from its header; a single-column field goes to the first column naming it."""
    custom = {}
    for key, label in custom_fields:
        custom[header_key(key)] = custom[header_key(label)] = CUSTOM_PREFIX + key
    guessed: list[str] = []
    for header in headers:
        key = header_key(header)
        field = _BY_HEADER.get(key) or custom.get(key) or IGNORE
        if field in guessed and field not in MULTI_COLUMN:
            field = IGNORE
        guessed.append(field)
    return guessed
