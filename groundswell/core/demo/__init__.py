"""The demo movement: an invented, believable membership built from a seed by `manage.py load_demo`.

Pure planning (names, contacts, people, groups) is kept apart from the database writing, so the same seed
always plans the same movement and the plan can be tested without a database.
"""
