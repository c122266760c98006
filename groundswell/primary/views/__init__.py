"""The primary's pages: members' (list, primary, proposal), organisers', and the results."""
