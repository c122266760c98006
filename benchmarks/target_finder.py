"""Benchmark: the nearest-target finder and event search by postcode under 50 concurrent users, served by
gunicorn on PostgreSQL (issue 3's benchmark).

    .venv/bin/python benchmarks/target_finder.py
    .venv/bin/python benchmarks/target_finder.py --events 20000 --duration 10      # a quicker run
    .venv/bin/python benchmarks/target_finder.py --database-url postgres://postgres@127.0.0.1:5432/gs_bench_targets

Sets up its own database: migrate, the 50 most marginal seats as targets, 100,000 events over all 650 seats
(40% canvassing, most of those in target seats) with 1-2 shifts each and sign-ups on the canvassing ones over the
last three weeks. A database already holding the same number of benchmark events is reused.

Then starts gunicorn in its own process (4 gthread workers of 1 thread, DEBUG off, persistent database connections, the
default file cache) and drives it from another process with wrk (installed with apt-get when missing and we are
root) or, failing that, a small asyncio load generator, after 5 s of finder searches to reach a steady state. Each request searches a random real postcode sector's postcode, half
"nearest first" and half "where I'm most needed". For the finder and for a trivial page (/privacy/, a template and
no query, the ceiling of the same server) it prints requests/s and p50/p95/p99 latency in two phases:

- saturated: 50 connections sending back to back, which measures throughput: the two pages take turns in three
  short rounds each (the machine's other load then weighs on both alike); the rate is the mean over the rounds,
  the percentiles the median round's. On a 2-core machine shared by the server, PostgreSQL and the load
  generator, latency there is queueing (50 / throughput), not the page.
- 50 users: 50 concurrent users who each pause 0.25-0.75 s between requests (about 100 requests/s), which
  measures the latency a volunteer sees under that load.
- 50 readers: 50 concurrent users who pause 1-5 s (locust's customary wait; about 17 requests/s), closer to
  people reading a page of results before the next search.

Event search (/events/?postcode=…, over the same 100,000 events) is measured the same way.

Targets (issue 3): the finder's throughput >= 50% of the trivial page's, and its p95 <= 50 ms with 50 users;
event search p95 <= 100 ms.
"""

import argparse
import asyncio
import os
import random
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from _common import setup_django

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/gs_bench_targets"
SEED = 2026
TARGETS = 50
USERS = 50
THINK_MS = (250, 750)  # "50 users": each waits 0.25-0.75 s between requests (about 100 requests/s)
READING_MS = (
    1000,
    5000,
)  # "50 readers": 1-5 s, locust's customary between(1, 5) (about 17 requests/s)
Think = tuple[int, int] | None
P95_TARGET_MS = 50
EVENTS_P95_TARGET_MS = 100
THROUGHPUT_TARGET = 0.5
TRIVIAL = "/privacy/"


def main() -> None:
    args = _arguments()
    if args.drive:  # the load generator's own process (when wrk is not available)
        _drive(args)
        return
    setup_django(
        args.database_url, GROUNDSWELL_VAR_DIR=tempfile.mkdtemp(prefix="gs_bench_targets_")
    )
    _prepare_database(args.events)
    paths = _finder_paths(args.paths)
    event_paths = _event_search_paths(args.paths)
    print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    with _gunicorn(args) as base:
        loader = _wrk() or "python"
        print(
            f"gunicorn: {args.workers} {args.worker_class} workers × {args.threads} threads at {base}; "
            f"load from {loader}"
        )
        _run(loader, base, paths, event_paths, args)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database-url", default=POSTGRES_URL)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=20, help="seconds per measured phase")
    parser.add_argument("--workers", type=int, default=4, help="two per core")
    # gunicorn runs "sync" with more than one thread as gthread anyway: say so.
    parser.add_argument("--worker-class", default="gthread")
    # One thread per process: threads of one process take turns on its interpreter lock, and
    # measured here 4 processes of 1 thread served more than 4 of 4 (finder 52% vs 46% of the trivial page).
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument(
        "--keep-alive", type=int, default=10, help="seconds; 0 closes after each response"
    )
    parser.add_argument("--paths", type=int, default=2000, help="distinct finder searches")
    # Internal: run as the load generator.
    parser.add_argument("--drive", default="")
    parser.add_argument("--base", default="")
    parser.add_argument("--think", default="", help="lo,hi milliseconds between a user's requests")
    return parser.parse_args()


# --- The data ----------------------------------------------------------------------------------------


def _prepare_database(events: int) -> None:
    from django.core.management import call_command

    from groundswell.events.models import Event

    call_command("migrate", verbosity=0)
    _adopt_targets()
    if Event.objects.filter(name="benchmark").count() == events:
        print(f"reusing the {events:,} benchmark events already loaded")
        return
    started = time.perf_counter()
    _load_events(events)
    print(
        f"loaded {events:,} events with shifts and sign-ups in {time.perf_counter() - started:.0f} s"
    )


def _adopt_targets() -> None:
    from groundswell.geo.models import Constituency
    from groundswell.targets.actions import priority_for_margin
    from groundswell.targets.models import Target

    if Target.objects.count() == TARGETS:
        return
    Target.objects.all().delete()
    seats = Constituency.objects.exclude(majority_pct=None).order_by("majority_pct")[:TARGETS]
    Target.objects.bulk_create(
        Target(constituency=s, priority=priority_for_margin(s.majority_pct), weekly_goal=20)
        for s in seats
    )


def _load_events(count: int) -> None:
    from django.db import connection, transaction

    from groundswell.events.models import Attendance, Event, Shift
    from groundswell.people.models import Person

    rng = random.Random(SEED)
    with transaction.atomic():
        for model in (Attendance, Shift, Event):
            model.objects.all()._raw_delete(model.objects.db)  # type: ignore[attr-defined]
        Person.objects.filter(source="benchmark").delete()
        people = Person.objects.bulk_create(
            (Person(given_name=f"Bench{i}", family_name="Volunteer", source="benchmark")
             for i in range(20_000)), batch_size=5000,
        )  # fmt: skip
        person_ids = [p.pk for p in people]
        places, targets = _places()
        now = datetime.now(UTC)
        for first in range(0, count, 10_000):
            _load_chunk(rng, min(10_000, count - first), places, targets, person_ids, now)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # the all-visible pages a production autovacuum keeps


def _places() -> tuple[dict[int, list[tuple[str, float, float]]], list[int]]:
    from groundswell.geo.models import PostcodeDistrict
    from groundswell.targets.models import Target

    places: dict[int, list[tuple[str, float, float]]] = {}
    for code, lat, lng, seat in PostcodeDistrict.objects.values_list(
        "code", "lat", "lng", "constituency_id"
    ):
        places.setdefault(seat, []).append((code, lat, lng))
    return places, list(Target.objects.values_list("constituency_id", flat=True))


KINDS = ["phone_bank", "meeting", "social", "education", "picket", "online", "agm", "text_bank"]


def _load_chunk(
    rng: random.Random,
    n: int,
    places: dict[int, list[tuple[str, float, float]]],
    targets: list[int],
    person_ids: list[int],
    now: datetime,
) -> None:
    from groundswell.events.models import Attendance, Event, Shift

    seats = list(places)
    events = []
    for _ in range(n):
        canvass = rng.random() < 0.4
        seat = rng.choice(targets) if canvass and rng.random() < 0.6 else rng.choice(seats)
        district, lat, lng = rng.choice(places[seat])
        events.append(
            Event(
                name="benchmark", title=f"{'Canvassing' if canvass else 'Event'} in {district}",
                kind="canvass" if canvass else rng.choice(KINDS),
                visibility="public" if rng.random() < 0.85 else "members",
                approval="approved" if rng.random() < 0.95 else "awaiting",
                status="cancelled" if rng.random() < 0.03 else "confirmed",
                postal_code=f"{district} 1AA", lat=lat + rng.uniform(-0.01, 0.01),
                lng=lng + rng.uniform(-0.015, 0.015), constituency_id=seat, venue="Community hall",
            )
        )  # fmt: skip
    Event.objects.bulk_create(events, batch_size=2000)
    shifts = []
    for event in events:
        start = now + timedelta(hours=rng.randrange(-21 * 24, 60 * 24))
        start = start.replace(minute=0, second=0, microsecond=0)
        for k in range(rng.choice((1, 1, 2))):
            begins = start + timedelta(hours=3 * k)
            shifts.append(Shift(event=event, start=begins, end=begins + timedelta(hours=2),
                                capacity=rng.randint(4, 15)))  # fmt: skip
    Shift.objects.bulk_create(shifts, batch_size=5000)
    places_taken = []
    for shift in shifts:
        if shift.event.kind != "canvass":
            continue
        for person_id in rng.sample(person_ids, rng.randint(0, 8)):
            when = min(now, shift.start) - timedelta(hours=rng.randrange(0, 21 * 24))
            places_taken.append(Attendance(shift=shift, person_id=person_id,
                                           status="accepted" if rng.random() < 0.9 else "waitlisted",
                                           queued_at=when, action_date=when))  # fmt: skip
    Attendance.objects.bulk_create(places_taken, batch_size=5000)


def _event_search_paths(n: int) -> list[str]:
    """Event searches (issue 3: "event search by postcode over 100,000 events"): a real sector's
    postcode, 10 or 25 km, the default window of the next 30 days, sometimes one kind."""
    from urllib.parse import urlencode

    from groundswell.targets.models import SeatPoint

    rng = random.Random(SEED + 2)
    sectors = sorted(set(SeatPoint.objects.values_list("sector", flat=True)))
    paths = []
    for _ in range(n):
        query = {"postcode": f"{rng.choice(sectors)}AB", "km": rng.choice((10, 10, 25))}
        if rng.random() < 0.3:
            query["kind"] = rng.choice(("canvass", "phone_bank", "meeting"))
        paths.append("/events/?" + urlencode(query))
    return paths


def _finder_paths(n: int) -> list[str]:
    """Searches for a real postcode sector's postcode (the inward letters do not change the work)."""
    from urllib.parse import urlencode

    from groundswell.targets.models import SeatPoint

    rng = random.Random(SEED + 1)
    sectors = sorted(set(SeatPoint.objects.values_list("sector", flat=True)))
    return [
        "/targets/?" + urlencode({"postcode": f"{rng.choice(sectors)}{rng.choice('ABDEFGHJ')}"
                                  f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                                  "order": rng.choice(("nearest", "needed"))})
        for _ in range(n)
    ]  # fmt: skip


# --- The server --------------------------------------------------------------------------------------


class _gunicorn:
    """gunicorn in its own process group, stopped (by its own pid) on leaving."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.port = _free_port()

    def __enter__(self) -> str:
        env = {**os.environ, "DEBUG": "0", "DB_CONN_MAX_AGE": "600",
               "ALLOWED_HOSTS": "127.0.0.1,localhost"}  # fmt: skip
        command = [str(Path(sys.executable).parent / "gunicorn"), "groundswell.wsgi:application",
                   "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.args.workers),
                   "--worker-class", self.args.worker_class, "--threads", str(self.args.threads),
                   "--backlog", "2048", "--keep-alive", str(self.args.keep_alive),
                   "--log-level", "warning", "--chdir", str(ROOT)]  # fmt: skip
        self.process = subprocess.Popen(command, env=env, start_new_session=True)
        base = f"http://127.0.0.1:{self.port}"
        _wait_until_up(self.port)
        _warm(self.port, self.args.workers)
        return base

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_until_up(port: int) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not start")


def _warm(port: int, workers: int) -> None:
    """Each worker loads the targets' snapshot and opens its database connection before timing."""
    import http.client

    for _ in range(workers * 10):
        for path in (
            TRIVIAL,
            "/targets/?postcode=NW4+4BT&order=needed",
            "/events/?postcode=NW4+4BT",
        ):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
            conn.close()


# --- The load ----------------------------------------------------------------------------------------


def _wrk() -> str | None:
    found = shutil.which("wrk")
    if found or os.geteuid() != 0:
        return found
    print("installing wrk with apt-get …")
    subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], capture_output=True, check=False)
    return shutil.which("wrk")


WRK_SCRIPT = """
local paths = {%(paths)s}
local think = %(think)s
local n = 0
function setup(thread) n = n + 1; thread:set("seed", n) end
function init(args) math.randomseed(os.time() * 1000 + seed) end
function request() return wrk.format("GET", paths[math.random(#paths)]) end
function delay() if think then return math.random(%(lo)d, %(hi)d) end return 0 end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%.0f %%.0f %%.0f %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


Result = tuple[float, float, float, float, int]  # req/s, p50, p95, p99 (ms), errors
ROUNDS = 3
SETTLE_SECONDS = 4


def _run(
    loader: str,
    base: str,
    finder_paths: list[str],
    event_paths: list[str],
    args: argparse.Namespace,
) -> None:
    measure = _wrk_run if loader != "python" else _python_run

    def run(base: str, paths: list[str], think: Think, duration: int) -> Result:
        # Let the server drain what an overloaded phase left queued before measuring the next one.
        time.sleep(SETTLE_SECONDS)
        return measure(base, paths, think, duration)

    pages = {"trivial": [TRIVIAL], "finder": finder_paths, "events": event_paths}
    # Steady state first: every process holds the targets, the sectors and the seats' sessions.
    run(base, finder_paths, None, 5)
    results: dict[tuple[str, str], Result] = {}
    # Saturated: the pages take turns in short rounds, so a change in the machine's other load
    # (it is shared) weighs on both alike.
    rounds: dict[str, list[Result]] = {page: [] for page in pages}
    for _ in range(ROUNDS):
        for page, paths in pages.items():
            rounds[page].append(run(base, paths, None, max(1, args.duration // ROUNDS)))
    for page, measured in rounds.items():
        results[("saturated", page)] = _combined(measured)
    for page, paths in pages.items():
        results[(f"{USERS} users", page)] = run(base, paths, THINK_MS, args.duration)
    # wrk's own timing of requests sent after long pauses is not trustworthy (it reported seconds for
    # the trivial page at 14 requests/s), so the readers are driven by the asyncio generator: one
    # kept-alive connection per visitor, each search timed from sending to the last byte.
    for page, paths in pages.items():
        results[(f"{USERS} readers", page)] = _python_run(
            base, paths, READING_MS, 2 * args.duration
        )
    _report(results)


def _combined(measured: list[Result]) -> Result:
    """Mean rate over the rounds, the median round's percentiles, every error."""
    return (
        statistics.mean(r[0] for r in measured),
        statistics.median(r[1] for r in measured),
        statistics.median(r[2] for r in measured),
        statistics.median(r[3] for r in measured),
        sum(r[4] for r in measured),
    )


def _report(results: dict[tuple[str, str], Result]) -> None:
    print(
        f"\n{'phase':13} {'page':9} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"
    )
    for (phase, page), (rate, p50, p95, p99, errors) in results.items():
        print(f"{phase:13} {page:9} {rate:8.0f} {p50:8.1f} {p95:8.1f} {p99:8.1f} {errors:7d}")
    ratio = results[("saturated", "finder")][0] / results[("saturated", "trivial")][0]
    p95 = results[(f"{USERS} users", "finder")][2]
    print(
        f"\nfinder throughput = {100 * ratio:.0f}% of the trivial page's "
        f"({'meets' if ratio >= THROUGHPUT_TARGET else 'MISSES'} the {100 * THROUGHPUT_TARGET:.0f}% target)"
    )
    print(
        f"finder p95 with {USERS} users = {p95:.1f} ms "
        f"({'meets' if p95 <= P95_TARGET_MS else 'MISSES'} the {P95_TARGET_MS} ms target)"
    )
    readers = results[(f"{USERS} readers", "events")][2]
    print(
        f"event search p95 with {USERS} readers (1-5 s between searches) = {readers:.1f} ms "
        f"({'meets' if readers <= EVENTS_P95_TARGET_MS else 'MISSES'} the {EVENTS_P95_TARGET_MS} ms target)"
    )
    events = results[(f"{USERS} users", "events")][2]
    events_saturated = results[("saturated", "events")][2]
    print(
        f"event search p95 with {USERS} users = {events:.1f} ms, saturated {events_saturated:.1f} ms "
        f"({'meets' if events <= EVENTS_P95_TARGET_MS else 'MISSES'} the {EVENTS_P95_TARGET_MS} ms target)"
    )
    print(f"load average after the run: {os.getloadavg()[0]:.1f}")  # fmt: skip


def _wrk_run(
    base: str, paths: list[str], think: Think, duration: int
) -> tuple[float, float, float, float, int]:
    quoted = ",".join('"' + p.replace('"', "") + '"' for p in paths)
    lo, hi = think or (0, 0)
    script = WRK_SCRIPT % {"paths": quoted, "think": "true" if think else "false",
                           "lo": lo, "hi": hi}  # fmt: skip
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as lua:
        lua.write(script)
    command = [
        "wrk",
        "-t2",
        f"-c{USERS}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        "-s",
        lua.name,
        base,
    ]
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    os.unlink(lua.name)
    match = re.search(r"RESULT (\d+) (\d+) (\d+) (\d+) (\d+) (\d+)", out)
    if match is None:
        raise SystemExit(f"wrk printed no result:\n{out}")
    requests, micros, p50, p95, p99, errors = (int(g) for g in match.groups())
    return requests / (micros / 1e6), p50 / 1000, p95 / 1000, p99 / 1000, errors


def _python_run(
    base: str, paths: list[str], think: Think, duration: int
) -> tuple[float, float, float, float, int]:
    """The asyncio generator, in its own process: one latency per line on stdout, then 'errors N'."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths))
    command = [sys.executable, __file__, "--drive", listing.name, "--base", base,
               "--duration", str(duration)] + (["--think", f"{think[0]},{think[1]}"] if think else [])  # fmt: skip
    out = subprocess.run(command, capture_output=True, text=True, check=True).stdout.split()
    os.unlink(listing.name)
    errors = int(out[-1])
    latencies = sorted(float(v) for v in out[:-2])
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return len(latencies) / duration, cuts[49], cuts[94], cuts[98], errors


def _drive(args: argparse.Namespace) -> None:
    paths = Path(args.drive).read_text().split("\n")
    host, port = args.base.removeprefix("http://").split(":")
    latencies: list[float] = []
    errors = [0]

    async def user(rng: random.Random, until: float) -> None:
        """One visitor on one kept-alive connection (as a browser would), reconnecting if it drops."""
        connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
        while True:
            # A visitor reads (or arrives) before each search, the first included: 50 readers who all
            # send at the same instant measure a stampede, not readers.
            if args.think:
                lo, hi = (int(v) for v in args.think.split(","))
                await asyncio.sleep(rng.uniform(lo, hi) / 1000)
            if time.monotonic() >= until:
                break
            started = time.perf_counter()
            try:
                if connection is None:
                    connection = await asyncio.open_connection(host, int(port))
                reader, writer = connection
                writer.write(f"GET {rng.choice(paths)} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode())
                status = (await reader.readline()).split(b" ")[1]
                length, closing = 0, False
                while (line := await reader.readline()) not in (b"\r\n", b""):
                    name, _, value = line.decode("latin-1").partition(":")
                    if name.lower() == "content-length":
                        length = int(value)
                    closing |= name.lower() == "connection" and "close" in value.lower()
                await reader.readexactly(length)
                latencies.append((time.perf_counter() - started) * 1000)
                errors[0] += status != b"200"
                if closing:
                    writer.close()
                    connection = None
            except (OSError, IndexError, ValueError, asyncio.IncompleteReadError):
                errors[0] += 1
                connection = None

    async def run() -> None:
        until = time.monotonic() + args.duration
        await asyncio.gather(*(user(random.Random(i), until) for i in range(USERS)))

    asyncio.run(run())
    print("\n".join(f"{v:.3f}" for v in latencies))
    print(f"errors {errors[0]}")


if __name__ == "__main__":
    main()
