"""Raw bulk writes for the import runner: COPY on PostgreSQL, executemany on SQLite.

The ORM's bulk_create builds a model instance per row, which alone would cap a million-row import
at a few thousand rows a second. Tables and columns come from the models' _meta, and every column
the runner does not set is filled with its field's default, so a field added later still gets one.
"""

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from django.db import connection
from django.db.models import Model
from psycopg.types.json import Jsonb

Row = tuple[Any, ...]


def is_postgres() -> bool:
    return connection.vendor == "postgresql"


class Table:
    """Insert rows into a model's table, giving values for `given` fields (attnames) in that order."""

    def __init__(self, model: type[Model], given: Sequence[str], now: datetime) -> None:
        meta = model._meta
        self.name = meta.db_table
        fields = {f.attname: f for f in meta.concrete_fields}
        rest = [f for f in meta.concrete_fields if f.attname not in given and not f.primary_key]
        self.columns = [fields[name].column for name in given] + [f.column for f in rest]
        self.tail = tuple(_default(f, now) for f in rest)
        self.rows: list[Row] = []

    def add(self, *values: Any) -> None:
        self.rows.append(values + self.tail)

    def flush(self) -> int:
        count = len(self.rows)
        if self.rows:
            insert_rows(self.name, self.columns, self.rows)
            self.rows = []
        return count


def _default(field: Any, now: datetime) -> Any:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        value = now
    elif field.has_default() or not field.null:
        value = field.get_default()
    else:
        value = None
    return _plain_json(field.get_db_prep_save(value, connection))


def db_value(model: type[Model], attname: str, value: Any) -> Any:
    """A value as the database driver wants it (datetimes and JSON differ between backends)."""
    field = next(f for f in model._meta.concrete_fields if f.attname == attname)
    return _plain_json(field.get_db_prep_save(value, connection))


def _plain_json(value: Any) -> Any:
    # PostgreSQL's adapter wraps JSON in Jsonb and re-encodes it on every write; COPY's text format
    # takes the JSON text itself, encoded once here.
    if isinstance(value, Jsonb):
        return json.dumps(value.obj)
    return value


def select_in(column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
    """A `column IN (...)` condition and its parameters. PostgreSQL gets one array parameter, as
    psycopg re-parses a query with thousands of placeholders each time it is sent."""
    if is_postgres():
        return f"{column} = ANY(%s)", [list(values)]
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def insert_rows(table: str, columns: Sequence[str], rows: Sequence[Row]) -> None:
    quote = connection.ops.quote_name
    names = ", ".join(quote(c) for c in columns)
    with connection.cursor() as cursor:
        if is_postgres():
            with cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(columns))
            cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})", rows)  # noqa: S608 - names from _meta


def update_rows(table: str, columns: Sequence[str], rows: list[Row]) -> None:
    """UPDATE table SET columns... WHERE id = the last value of each row."""
    if not rows:
        return
    quote = connection.ops.quote_name
    sets = ", ".join(f"{quote(c)} = %s" for c in columns)
    with connection.cursor() as cursor:
        cursor.executemany(f"UPDATE {quote(table)} SET {sets} WHERE id = %s", rows)  # noqa: S608


class IdAllocator:
    """Primary keys for new rows, handed out before insert so child rows can point at them."""

    def __init__(self, model: type[Model]) -> None:
        self.table = model._meta.db_table
        self.next_id = 0

    def take(self, count: int) -> list[int]:
        if count == 0:
            return []
        if is_postgres():
            return self._from_sequence(count)
        if not self.next_id:
            self.next_id = self._sqlite_next()
        start, self.next_id = self.next_id, self.next_id + count
        return list(range(start, start + count))

    def _from_sequence(self, count: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [connection.ops.quote_name(self.table), count],
            )
            return [row[0] for row in cursor.fetchall()]

    def _sqlite_next(self) -> int:
        # Safe without a sequence: the import's transaction holds SQLite's write lock throughout
        # (BEGIN IMMEDIATE), so nobody else can insert between this read and our inserts.
        with connection.cursor() as cursor:
            table = connection.ops.quote_name(self.table)
            cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {table}")  # noqa: S608
            highest = cursor.fetchone()[0]
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [self.table])
            found = cursor.fetchone()
        return max(highest, found[0] if found else 0) + 1
