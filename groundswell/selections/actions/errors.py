"""The one domain error of the selection's actions."""


class SelectionError(ValueError):
    """Nothing was written; the message says why, in words for the member, panel or organiser."""
