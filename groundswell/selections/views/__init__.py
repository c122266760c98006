"""The selection's pages: members' (list, selection, stand, nomination), the panel's and organisers'."""
