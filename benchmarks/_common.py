"""What every benchmark needs first: Django set up against a database of its own (created on PostgreSQL
when missing). Run the benchmarks as scripts (`python benchmarks/NAME.py`): this folder is then on the path."""

import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def setup_django(url: str, **environment: str) -> None:
    """Point Django at `url` (environment values are defaults: the caller's own environment wins)."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
    for name, value in environment.items():
        os.environ.setdefault(name, value)
    sys.path.insert(0, str(ROOT))
    if url.startswith("postgres"):
        create_postgres_database(url)
    import django

    django.setup()


def create_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')


class SqlClock:
    """Adds up the time spent waiting for the database (a connection.execute_wrapper), to tell it apart
    from Python and from a busy machine."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started
