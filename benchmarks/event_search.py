"""Benchmark: "find events" by postcode over 100,000 events, on PostgreSQL.

    .venv/bin/python benchmarks/event_search.py                  # 100,000 events, 200 searches
    .venv/bin/python benchmarks/event_search.py --events 20000   # a quicker run
    .venv/bin/python benchmarks/event_search.py --explain        # also print the planner's choices
    .venv/bin/python benchmarks/event_search.py --database-url postgres://postgres@127.0.0.1:5432/gs_bench_events

Loads the events straight into the tables (COPY) over real postcode districts (the geo rows the migrations load),
more where more postcodes are, each with 1-3 shifts from two weeks ago to 90 days ahead and people signed up to
them; a few are members-only, awaiting approval, cancelled or online. A database already holding the same number
of benchmark events is reused. Then times the real page (`events:find`, 10 km, the next 30 days) through Django's
test client at postcode districts picked uniformly at random (so rural districts with few events count as much as
London's), anonymous and signed in as a member, against a trivial page (the privacy page) and a single event read
by primary key. Target: search p95 <= 100 ms.
"""

import argparse
import json
import os
import random
import statistics
import time
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

from _common import SqlClock, setup_django

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/gs_bench_events"
TARGET_MS = 100
SEED = 2026
MARK = "benchmark"  # Event.name of every benchmark event
PEOPLE = 10_000
KINDS = [  # (kind, share)
    ("canvass", 30), ("phone_bank", 10), ("meeting", 15), ("social", 10), ("education", 8),
    ("agm", 3), ("picket", 5), ("text_bank", 4), ("online", 5),
]  # fmt: skip


def main() -> None:
    args = _arguments()
    setup_django(args.database_url, CACHE_BACKEND="locmem")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"\n== PostgreSQL: event search over {args.events:,} events ==")
    if _loaded_events() != args.events:
        started = time.perf_counter()
        _load(args.events)
        print(f"loaded {args.events:,} events in {time.perf_counter() - started:.0f} s")
    else:
        print(f"reusing the {args.events:,} events already loaded")
    _report_shape()
    if args.explain:
        _explain()
    _time_searches(args)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--km", type=int, default=10, choices=(5, 10, 25, 50))
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--database-url", default=POSTGRES_URL)
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("this benchmark runs on PostgreSQL only")
    return args


def _loaded_events() -> int:
    from groundswell.events.models import Event

    return Event.objects.filter(name=MARK).count()


# --- Loading -----------------------------------------------------------------------------------------


def _load(n_events: int) -> None:
    from django.db import connection, transaction

    from groundswell.events.models import Attendance, Event, Shift

    rng = random.Random(SEED)
    with transaction.atomic():
        _empty_tables()
        person_ids = _people()
        events, shifts, attendances = _plan(rng, n_events, person_ids)
        with connection.cursor() as cursor:
            raw = cursor.connection
            with raw.cursor() as pg:
                _copy(pg, Event, events)
                _copy(pg, Shift, shifts)
                _copy(pg, Attendance, attendances)
            for model in (Event, Shift, Attendance):
                table = model._meta.db_table
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT max(id) FROM {table}))"
                )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _empty_tables() -> None:
    from groundswell.events.models import Attendance, Event, FollowUp, Shift
    from groundswell.people.models import Person

    for model in (FollowUp, Attendance, Shift, Event):
        model.objects.all()._raw_delete(model.objects.db)  # type: ignore[attr-defined]
    Person.objects.filter(source=MARK).delete()


def _people() -> list[int]:
    from groundswell.people.models import Person

    people = [
        Person(
            given_name=f"Bench{i}", family_name="Person", source=MARK, membership_status="member"
        )
        for i in range(PEOPLE)
    ]
    return [p.pk for p in Person.objects.bulk_create(people, batch_size=5000)]


def _districts() -> tuple[list[tuple[str, float, float, int | None]], list[int]]:
    from groundswell.geo.models import PostcodeDistrict

    rows = list(
        PostcodeDistrict.objects.filter(n_postcodes__gt=0).values_list(
            "code", "lat", "lng", "constituency_id", "n_postcodes"
        )
    )
    return [r[:4] for r in rows], [r[4] for r in rows]


def _plan(
    rng: random.Random, n_events: int, person_ids: list[int]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    districts, weights = _districts()
    kinds, kind_weights = zip(*KINDS, strict=True)
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    events: list[dict[str, Any]] = []
    shifts: list[dict[str, Any]] = []
    attendances: list[dict[str, Any]] = []
    for event_id in range(1, n_events + 1):
        kind = rng.choices(kinds, kind_weights)[0]
        code, lat, lng, seat = rng.choices(districts, weights)[0]
        events.append(_event(rng, event_id, kind, code, lat, lng, seat, today))
        day = today + timedelta(days=rng.randint(-14, 90), hours=rng.choice((9, 10, 13, 17, 18)))
        for _ in range(rng.choice((1, 1, 2, 3))):
            shift_id = len(shifts) + 1
            capacity = rng.choice((8, 10, 12, 20, 30, 50))
            shifts.append(
                {"id": shift_id, "event_id": event_id, "start": day,
                 "end": day + timedelta(hours=2), "capacity": capacity}
            )  # fmt: skip
            signed = rng.randint(0, min(capacity, 8))
            for person_id in rng.sample(person_ids, signed):
                at = day - timedelta(days=rng.randint(1, 20))
                attendances.append(
                    {"id": len(attendances) + 1, "shift_id": shift_id, "person_id": person_id,
                     "status": "accepted", "queued_at": at, "action_date": at}
                )  # fmt: skip
            day += timedelta(hours=2)
    return events, shifts, attendances


def _event(
    rng: random.Random,
    pk: int,
    kind: str,
    code: str,
    lat: float,
    lng: float,
    seat: int | None,
    today: datetime,
) -> dict[str, Any]:
    online = kind == "online"
    roll = rng.random()
    return {
        "id": pk,
        "name": MARK,
        "title": f"{kind.replace('_', ' ').title()} in {code} #{pk}",
        "kind": kind,
        "visibility": "members" if roll < 0.12 else "public",
        "approval": "awaiting" if 0.12 <= roll < 0.15 else "approved",
        "status": "cancelled" if 0.15 <= roll < 0.17 else "confirmed",
        "venue": "" if online else "Community hall",
        "postal_code": "" if online else f"{code} {rng.randint(1, 9)}AB",
        "lat": None if online else lat + rng.uniform(-0.01, 0.01),
        "lng": None if online else lng + rng.uniform(-0.015, 0.015),
        "constituency_id": None if online else seat,
        "online_url": f"https://meet.example.org/{pk}" if online else "",
        "created_at": today - timedelta(days=30),
        "modified_at": today - timedelta(days=30),
    }


def _copy(pg: Any, model: Any, rows: Iterable[dict[str, Any]]) -> None:
    """COPY rows into the model's table; any column a row leaves out gets the field's default."""
    fields = list(model._meta.concrete_fields)
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with pg.copy(f"COPY {model._meta.db_table} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([_value(f, row) for f in fields])


def _value(field: Any, row: dict[str, Any]) -> Any:
    value = row[field.attname] if field.attname in row else field.get_default()
    if field.get_internal_type() == "JSONField":
        return json.dumps(value)
    return value


# --- Timing ------------------------------------------------------------------------------------------


def _report_shape() -> None:
    from django.utils import timezone

    from groundswell.events.models import Shift

    now = timezone.now()
    upcoming = Shift.objects.filter(start__gte=now, start__lt=now + timedelta(days=30)).count()
    print(f"{Shift.objects.count():,} shifts, {upcoming:,} of them in the next 30 days")


def _time_searches(args: argparse.Namespace) -> None:
    from django.test import Client
    from django.urls import reverse

    from groundswell.events.models import Event

    rng = random.Random(SEED + 1)
    codes = _search_districts(rng, args.requests)
    url = reverse("events:find")
    anonymous, member = Client(), _member_client()
    print(f"load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    for client in (anonymous, member):  # warm the caches and the connection
        for code in codes[:5]:
            _get(client, url, {"postcode": code, "km": args.km})
    searches = [{"postcode": code, "km": str(args.km)} for code in codes]
    results = {
        f"event search, anonymous ({args.km} km, 30 days)": _measure(anonymous, url, searches),
        "event search, signed-in member": _measure(member, url, searches),
        "event search, no postcode (everywhere)": _measure(anonymous, url, [{}] * args.requests),
        "trivial view (privacy page)": _measure(anonymous, reverse("core:privacy"), [{}] * 50),
    }
    pks = [rng.randint(1, args.events) for _ in range(args.requests)]
    results["one event by pk (ORM only)"] = _time_calls(lambda pk: Event.objects.get(pk=pk), pks)
    _print(results, args)


def _search_districts(rng: random.Random, n: int) -> list[str]:
    from groundswell.geo.models import PostcodeDistrict

    codes = list(PostcodeDistrict.objects.filter(n_postcodes__gt=0).values_list("code", flat=True))
    return [rng.choice(codes) for _ in range(n)]


def _member_client() -> Any:
    from django.test import Client

    from groundswell.accounts.models import User
    from groundswell.people.models import Person

    user = User.objects.filter(email="bench-member@example.org").first()
    if user is None:
        person = Person.objects.create(given_name="Bench", family_name="Member", source=MARK,
                                       membership_status="member")  # fmt: skip
        user = User.objects.create_user("bench-member@example.org", person=person)
    client = Client()
    client.force_login(user)
    return client


def _get(client: Any, url: str, params: dict[str, Any]) -> Any:
    response = client.get(url, params)
    if response.status_code != 200:
        raise SystemExit(f"{url} {params} answered {response.status_code}")
    return response


def _measure(client: Any, url: str, params: list[dict[str, Any]]) -> dict[str, list[float]]:
    from django.db import connection

    timings: dict[str, list[float]] = {"wall": [], "sql": []}
    for query in params:
        clock = SqlClock()
        started = time.perf_counter()
        with connection.execute_wrapper(clock):
            _get(client, url, query)
        timings["wall"].append((time.perf_counter() - started) * 1000)
        timings["sql"].append(clock.seconds * 1000)
    return timings


def _time_calls(call: Any, args: list[Any]) -> dict[str, list[float]]:
    timings: dict[str, list[float]] = {"wall": [], "sql": []}
    for arg in args:
        started = time.perf_counter()
        call(arg)
        timings["wall"].append((time.perf_counter() - started) * 1000)
        timings["sql"].append(timings["wall"][-1])
    return timings


def _print(results: dict[str, dict[str, list[float]]], args: argparse.Namespace) -> None:
    print(f"{'':42} {'wall p50':>9} {'wall p95':>9} {'sql p50':>8} {'sql p95':>8}  (ms)")
    for label, t in results.items():
        wall50, wall95 = _percentile(t["wall"], 50), _percentile(t["wall"], 95)
        sql50, sql95 = _percentile(t["sql"], 50), _percentile(t["sql"], 95)
        print(f"{label:42} {wall50:9.1f} {wall95:9.1f} {sql50:8.1f} {sql95:8.1f}")
    search = results[f"event search, anonymous ({args.km} km, 30 days)"]["wall"]
    trivial = results["trivial view (privacy page)"]["wall"]
    p50, p95, t95 = _percentile(search, 50), _percentile(search, 95), _percentile(trivial, 95)
    verdict = "meets" if p95 <= TARGET_MS else "MISSES"
    print(
        f"event search ({args.events // 1000}k events, {args.km} km, 30 days): p50 {p50:.1f} ms, "
        f"p95 {p95:.1f} ms; trivial view p95 {t95:.1f} ms; ratio {p95 / t95:.1f}"
    )
    print(f"event search p95 {p95:.1f} ms {verdict} the {TARGET_MS} ms target")


def _percentile(values: list[float], pct: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[pct - 1]


# --- The planner's choices ----------------------------------------------------------------------------


def _explain() -> None:
    """EXPLAIN ANALYZE of the search's main query in a dense district and a sparse one."""
    from django.contrib.auth.models import AnonymousUser

    from groundswell.events.queries.finding import EventSearch, _window
    from groundswell.events.queries.listing import live
    from groundswell.events.queries.visibility import visible_events
    from groundswell.geo.queries import locate, within_km

    now = datetime.now(UTC)
    for code in ("E8", "IV27"):
        here = locate(code)
        search = EventSearch(now, now + timedelta(days=30), here.lat, here.lng, 10)
        events = live(visible_events(AnonymousUser())).filter(lat__isnull=False)
        placed = within_km(events, here.lat, here.lng, 10)
        print(f"\n-- EXPLAIN ANALYZE: 10 km around {code} --")
        print(_window(placed, search)[:26].explain(analyze=True))


if __name__ == "__main__":
    main()
