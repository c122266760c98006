"""The one domain error of the primary's actions."""


class PrimaryError(ValueError):
    """Nothing was written; the message says why, in words for the member or organiser."""
