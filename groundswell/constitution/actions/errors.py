"""The one error every constitution action raises when it refuses: nothing was written."""


class ConstitutionError(ValueError):
    """Refused; the message says why, in words the member or organiser can act on."""
