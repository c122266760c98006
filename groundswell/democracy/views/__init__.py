"""Ballot pages: voting (voting.py), what is published after the close (published.py) and the
organiser's page (manage.py); each module lists its own URL patterns."""
