"""Benchmark: counting a saved search with 5 filters over 1,000,000 people, on PostgreSQL.

    .venv/bin/python benchmarks/saved_search.py                   # 1,000,000 people (gs_bench_people)
    .venv/bin/python benchmarks/saved_search.py --people 20000 --database-url postgres://.../gs_bench_ss
    .venv/bin/python benchmarks/saved_search.py --explain         # and EXPLAIN ANALYZE the count once

Reuses the people that benchmarks/people_list.py loads (names, tags, constituencies, membership, join
dates, consent, positions), loading them first when the database does not hold that many. The search:

    all[ membership = member, tag "canvasser", near M1 within 10 km, not(consent sms),
         any[ constituency of M1, joined after 2020-01-01 ] ]

It is counted through the real `searches.queries.matching` as a national organiser, compiling included,
warm, with PostgreSQL's JIT as configured and with `SET jit = off`. Target: count p95 <= 200 ms. The
reference, measured in the same run: `Person.objects.count()` and a one-tag search's count.
"""

import argparse
import os
import statistics
import time
from collections.abc import Callable
from typing import Any

from _common import SqlClock, setup_django

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/gs_bench_people"
TARGET_MS = 200
PLACE = "M1"  # central Manchester: a dense district, so "near" keeps many people


def main() -> None:
    args = _arguments()
    setup_django(args.database_url, CACHE_BACKEND="locmem")
    import people_list  # the loader: same folder, on the path when run as a script
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"\n== PostgreSQL: saved search count over {args.people:,} people ==")
    if people_list._loaded_rows() != args.people:
        started = time.perf_counter()
        people_list._load(args.people, "PostgreSQL")
        print(f"loaded {args.people:,} people in {time.perf_counter() - started:.0f} s")
    else:
        print(f"reusing the {args.people:,} people already loaded")
    _run(args)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database-url", default=POSTGRES_URL)
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the count once")
    return parser.parse_args()


def _definitions() -> tuple[dict[str, Any], dict[str, Any]]:
    """The 5-filter search and the one-tag reference search."""
    from groundswell.geo.models import PostcodeDistrict
    from groundswell.people.models import Tag

    canvasser = Tag.objects.get(name="canvasser").pk
    seat = PostcodeDistrict.objects.get(code=PLACE).constituency_id
    five = {
        "all": [
            {"filter": "membership", "status": "member"},
            {"filter": "tag", "tag": canvasser},
            {"filter": "near", "postcode": PLACE, "km": 10},
            {"not": {"filter": "consent", "channel": "sms"}},
            {
                "any": [
                    {"filter": "constituency", "constituency": seat},
                    {"filter": "joined", "after": "2020-01-01", "before": None},
                ]
            },
        ]
    }
    return five, {"filter": "tag", "tag": canvasser}


def _national_organiser() -> Any:
    from groundswell.accounts.models import Role, User

    user = User.objects.filter(email="bench-national@example.org").first()
    if user is None:
        user = User.objects.create_user("bench-national@example.org", role=Role.NATIONAL_ORGANISER)
    return user


def _time(count: Callable[[], int], runs: int) -> dict[str, Any]:
    """Wall and SQL milliseconds of `runs` calls of `count`, after two warming calls."""
    from django.db import connection

    for _ in range(2):
        found = count()
    wall, sql = [], []
    for _ in range(runs):
        clock = SqlClock()
        started = time.perf_counter()
        with connection.execute_wrapper(clock):
            found = count()
        wall.append((time.perf_counter() - started) * 1000)
        sql.append(clock.seconds * 1000)
    return {"wall": wall, "sql": sql, "count": found}


def _percentile(values: list[float], pct: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


def _set_jit(on: bool) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SET jit = on" if on else "SET jit = off")


def _measure_all(user: Any, runs: int) -> dict[str, dict[str, Any]]:
    from groundswell.people.models import Person
    from groundswell.searches.queries import matching

    five, one_tag = _definitions()
    results = {}
    for jit in (True, False):
        _set_jit(jit)
        label = "jit on" if jit else "jit off"
        results[f"5 filters ({label})"] = _time(lambda: matching(user, five).count(), runs)
        results[f"one tag ({label})"] = _time(lambda: matching(user, one_tag).count(), runs)
        results[f"Person.objects.count() ({label})"] = _time(Person.objects.count, runs)
    _set_jit(True)
    return results


def _run(args: argparse.Namespace) -> None:
    from django.db import connection

    user = _national_organiser()
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        print(f"server jit setting: {cursor.fetchone()[0]}")
    print(f"load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    results = _measure_all(user, args.runs)
    print(f"{'query':36} {'count':>9} {'p50':>8} {'p95':>8} {'sql p50':>8}  (ms, {args.runs} runs)")
    for label, r in results.items():
        p50, p95 = _percentile(r["wall"], 50), _percentile(r["wall"], 95)
        print(f"{label:36} {r['count']:9,} {p50:8.1f} {p95:8.1f} {_percentile(r['sql'], 50):8.1f}")
    _verdicts(results)
    if args.people != 1_000_000:
        print(f"(the target is set for 1,000,000 people; this run has {args.people:,})")
    if args.explain:
        _explain(user)


def _verdicts(results: dict[str, dict[str, Any]]) -> None:
    for jit in ("jit on", "jit off"):
        five = results[f"5 filters ({jit})"]["wall"]
        p50, p95 = _percentile(five, 50), _percentile(five, 95)
        verdict = "meets" if p95 <= TARGET_MS else "MISSES"
        print(f"5-filter count ({jit}): p95 {p95:.1f} ms {verdict} the {TARGET_MS} ms target")
        for reference in ("one tag", "Person.objects.count()"):
            base = _percentile(results[f"{reference} ({jit})"]["wall"], 50)
            print(f"  p50 ratio to {reference}: {p50 / base:.2f}x")


def _explain(user: Any) -> None:
    """EXPLAIN (ANALYZE, BUFFERS) of the exact count query Django sends."""
    from django.db import connection

    from groundswell.searches.queries import matching

    five, _ = _definitions()
    sent: list[tuple[str, Any]] = []

    def capture(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        sent.append((sql, params))
        return execute(sql, params, many, context)

    queryset = matching(user, five)  # compiling runs its own lookups first
    with connection.execute_wrapper(capture):
        queryset.count()
    sql, params = sent[-1]
    print("\nEXPLAIN (ANALYZE, BUFFERS) of the 5-filter count:")
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
        for (line,) in cursor.fetchall():
            print(line)


if __name__ == "__main__":
    main()
