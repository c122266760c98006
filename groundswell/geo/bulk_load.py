"""Upserts millions of postcode rows fast: COPY into a scratch table on PostgreSQL, big executemany elsewhere.

Both paths are upserts keyed on the postcode, so running an import twice leaves the same rows, and importing a
small file after the full one only touches the postcodes it names.
"""

from collections.abc import Callable, Iterable

from django.db import connection

from groundswell.geo.models import Postcode

# The SQL below is built from model metadata and constants only, never from file contents (hence noqa S608).
Row = tuple[str, str, float | None, float | None, int | None, bool]
COLUMNS = ("postcode", "district", "lat", "lng", "constituency_id", "terminated")
_UPDATED = [column for column in COLUMNS if column != "postcode"]


def upsert_postcodes(batches: Iterable[list[Row]], progress: Callable[[int], None]) -> int:
    """Write every row; call progress(rows so far) after each batch; return the number of rows read."""
    if connection.vendor == "postgresql":
        return _copy_then_merge(batches, progress)
    return _executemany(batches, progress)


def _executemany(batches: Iterable[list[Row]], progress: Callable[[int], None]) -> int:
    table = connection.ops.quote_name(Postcode._meta.db_table)
    updates = ", ".join(f"{column} = excluded.{column}" for column in _UPDATED)
    sql = (
        f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({', '.join(['%s'] * len(COLUMNS))}) "  # noqa: S608
        f"ON CONFLICT (postcode) DO UPDATE SET {updates}"
    )
    done = 0
    with connection.cursor() as cursor:
        for rows in batches:
            cursor.executemany(sql, rows)
            done += len(rows)
            progress(done)
    return done


def _copy_then_merge(batches: Iterable[list[Row]], progress: Callable[[int], None]) -> int:
    table = connection.ops.quote_name(Postcode._meta.db_table)
    columns = ", ".join(COLUMNS)
    done = 0
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TEMP TABLE postcode_load ON COMMIT DROP AS SELECT {columns} FROM {table} "  # noqa: S608
            "WITH NO DATA"
        )
        for rows in batches:
            with cursor.cursor.copy(f"COPY postcode_load ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
            done += len(rows)
            progress(done)
        cursor.execute(_merge_sql(table, columns))
        # ON COMMIT DROP is not enough when the import runs inside a larger transaction (tests, callers).
        cursor.execute("DROP TABLE postcode_load")
    return done


def _merge_sql(table: str, columns: str) -> str:
    # DISTINCT ON: a file naming a postcode twice must not make ON CONFLICT touch one row twice.
    # The WHERE skips unchanged rows, so a second run rewrites nothing.
    updates = ", ".join(f"{column} = excluded.{column}" for column in _UPDATED)
    changed = " OR ".join(f"{table}.{c} IS DISTINCT FROM excluded.{c}" for c in _UPDATED)
    return (
        f"INSERT INTO {table} ({columns}) SELECT DISTINCT ON (postcode) {columns} FROM postcode_load "  # noqa: S608
        f"ORDER BY postcode ON CONFLICT (postcode) DO UPDATE SET {updates} WHERE {changed}"
    )
