"""Indexes for the people list's search by the start of a name or email address.

The search asks for UPPER(name) LIKE 'SMI%' on PostgreSQL and name LIKE 'smi%' (case-insensitive) on SQLite. Each
database only uses an index for that with a particular operator class or collation, which Django's Index cannot put
on an expression portably, hence raw SQL per database.
"""

from django.db import migrations

POSTGRESQL = {
    "person_given_upper_like": "people_person (UPPER(given_name::text) text_pattern_ops)",
    "person_family_upper_like": "people_person (UPPER(family_name::text) text_pattern_ops)",
}
SQLITE = {
    "person_given_nocase": "people_person (given_name COLLATE NOCASE)",
    "person_family_nocase": "people_person (family_name COLLATE NOCASE)",
    "email_address_nocase": "people_emailaddress (address COLLATE NOCASE)",
}


def _indexes(schema_editor):
    return {"postgresql": POSTGRESQL, "sqlite": SQLITE}.get(schema_editor.connection.vendor, {})


def create(apps, schema_editor):
    for name, target in _indexes(schema_editor).items():
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {name} ON {target}")


def drop(apps, schema_editor):
    for name in _indexes(schema_editor):
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("people", "0002_list_indexes")]

    operations = [migrations.RunPython(create, drop)]
