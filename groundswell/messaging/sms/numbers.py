"""Whether a phone number can be texted, as E.164, before any provider is asked.

Built on groundswell.people.contact.normalise_phone, so texting and the contact forms agree on what
a valid number is. Numbers phonenumbers types as landline, VoIP, toll-free, premium-rate and the
like are refused: only mobile (or, as in North America, "fixed line or mobile") numbers pass.
"""

from groundswell.people.contact import ContactError, normalise_phone


class NotTextable(ContactError):
    """A number that cannot receive texts, with a message fit to show the organiser or texter.

    `permanent` is always True: no retry will make it textable; fix the number instead.
    """

    permanent = True


def textable(raw: str, default_region: str = "GB") -> str:
    """The number in E.164 if it can receive texts; NotTextable (a ContactError) otherwise."""
    try:
        phone = normalise_phone(raw, default_region)
    except ContactError as exc:
        raise NotTextable(str(exc)) from exc
    if phone.number_type == "landline":
        raise NotTextable(
            f"{phone.number} is a landline or internet (VoIP) number, which cannot receive texts."
        )
    if not phone.sms_capable:
        raise NotTextable(f"{phone.number} is not a mobile number, so it cannot receive texts.")
    return phone.number
