"""CSV import of people: sniff the upload, map its columns, dry-run it, then import it in the background.

The pure parts (sniffing, fields, cleaning, phones, mapping, validation) have no database access; the
pipeline, writers and runner do the bulk work; actions, queries, forms and views are the web side.
"""
