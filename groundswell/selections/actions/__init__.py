"""Every write in candidate selection: setting up, standing and nominating, the panel's decisions,
the hustings and the ballot."""

from groundswell.selections.actions.balloting import open_selection_ballot
from groundswell.selections.actions.errors import SelectionError
from groundswell.selections.actions.hustings import create_hustings
from groundswell.selections.actions.nominating import nominate, stand, withdraw
from groundswell.selections.actions.panel import record_decision
from groundswell.selections.actions.setup import (
    SelectionSpec,
    add_panel_member,
    create_selection,
    remove_panel_member,
)

__all__ = [
    "SelectionError",
    "SelectionSpec",
    "add_panel_member",
    "create_hustings",
    "create_selection",
    "nominate",
    "open_selection_ballot",
    "record_decision",
    "remove_panel_member",
    "stand",
    "withdraw",
]
