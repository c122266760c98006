"""Views of the groups app: public pages, a member's own joining and leaving, organiser management."""
