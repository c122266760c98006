"""What the apps need to say to the database itself, beyond the ORM."""

from django.db import connection
from django.db.models import Model

BIG_INSERT = 1000  # rows: past this, a table's statistics may mislead the planner until refreshed


def refresh_statistics(model: type[Model], added: int) -> None:
    """After a bulk insert of `added` rows, have PostgreSQL re-read the table's statistics at once.

    A call queue or a texting campaign starts by inserting up to a whole audience; until autovacuum gets
    round to it, the planner still believes the table small and picks plans that walk every new row (seen:
    250 ms per "next person" instead of 8). ANALYZE samples the table (tens of milliseconds). SQLite: nothing."""
    if added < BIG_INSERT or connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
