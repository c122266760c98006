"""Benchmark: the call queue under 200 concurrent callers over 100,000 people, on PostgreSQL.

    .venv/bin/python benchmarks/call_queue.py                        # 100,000 people, 200 callers, 30 s
    .venv/bin/python benchmarks/call_queue.py --people 5000 --seconds 0   # a quick run, to exhaustion

Loads (or reuses) 100,000 people with a mobile number and phone consent, all in one group, into a
database of its own (gs_bench_calls), then makes a saved search over that group and a call assignment
with one yes/no/maybe question, and starts it (timed: that fills the queue). Callers then drive the real
actions, `serve_next` then `record_outcome`, in a loop. Every caller holds the person on their screen
between the two, so 200 people are held at once. PostgreSQL allows few sessions (max_connections is
100 by default), so the 200 callers run over a bounded pool of worker threads (40 sessions by
default, one each), each thread taking turns among its callers, spread over 2 processes (one Python
process cannot drive more than one core, as a web server's workers would).

Before the concurrent run, one caller calls for a few seconds right after the start, while
PostgreSQL's statistics still describe an empty queue (autovacuum gathers them later, or never where
it is off), then the queue is ANALYZEd and the one-caller reference is taken.

Prints assignments (serve + record) per second, p50/p95/p99 latency of both actions, how many people
were served, and duplicates: a person handed to a second caller while one held them, or rung twice
within the cooldown, or served to two callers at all. The target is 0 duplicates. The references,
measured in the same run: the same loop with one caller (so the ratio shows what concurrency buys),
and a `SELECT 1` round trip. Also PostgreSQL's CPU time (from /proc) and what its sessions were
doing (sampled from pg_stat_activity): running, waiting on a lock, or idle waiting for the client.
"""

import argparse
import random
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from _common import setup_django

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/gs_bench_calls"
SOURCE = "bench-calls"
SEED = 2026
OUTCOMES = [  # (outcome, share): most calls go unanswered, as on a real phone bank
    ("answered", 0.40), ("no_answer", 0.35), ("voicemail", 0.15),
    ("wrong_number", 0.05), ("do_not_call", 0.05),
]  # fmt: skip


def main() -> None:
    args = _arguments()
    setup_django(args.database_url, CACHE_BACKEND="locmem")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    print(f"\n== PostgreSQL: call queue, {args.people:,} people, {args.callers} callers ==")
    _print_server(args.workers)
    if _loaded_people() != args.people + args.callers:
        started = time.perf_counter()
        _load(args.people, args.callers)
        print(f"loaded {args.people:,} people in {time.perf_counter() - started:.0f} s")
    else:
        print(f"reusing the {args.people:,} people already loaded")
    _reset_calls()
    _run(args)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database-url", default=POSTGRES_URL)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--callers", type=int, default=200)
    parser.add_argument(
        "--processes", type=int, default=2, help="processes the worker threads are spread over"
    )
    parser.add_argument(
        "--workers", type=int, default=40, help="threads (database sessions) the callers share"
    )
    parser.add_argument(
        "--seconds",
        type=float,
        default=30,
        help="concurrent run length; 0: until the queue is empty",
    )
    parser.add_argument("--single-seconds", type=float, default=10, help="the one-caller reference")
    parser.add_argument(
        "--stale-seconds", type=float, default=5,
        help="one caller right after the start, before ANALYZE",
    )  # fmt: skip
    return parser.parse_args()


def _print_server(workers: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW max_connections")
        limit = int(cursor.fetchone()[0])
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
        )
        used = cursor.fetchone()[0]
    print(f"max_connections {limit}, {used} client sessions open now, this run adds {workers}")
    if workers + used >= limit:
        raise SystemExit("too few free sessions: lower --workers")


def _loaded_people() -> int:
    from groundswell.people.models import Person

    return Person.objects.filter(source=SOURCE).count()


# --- Loading -----------------------------------------------------------------------------------------


def _load(people: int, callers: int) -> None:
    """COPY the people (the first `people` ids, in the group) and the callers after them."""
    from django.db import connection

    from groundswell.groups.models import Group

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE people_person, groups_group RESTART IDENTITY CASCADE")
        group = Group.objects.create(name="Benchmark callers' branch", slug="bench-calls")
        total = people + callers
        with cursor.connection.cursor() as pg:
            _copy(
                pg, f"people_person ({PERSON_COLUMNS})", (_person(pk) for pk in range(1, total + 1))
            )
            _copy(
                pg,
                'people_phonenumber (person_id, number, number_type, "primary", sms_capable, do_not_call)',
                ((pk, f"+447{pk:09d}", "mobile", True, True, False) for pk in range(1, total + 1)),
            )
            _copy(pg, "groups_membership (group_id, person_id, role, joined_at)",
                  ((group.pk, pk, "member", datetime(2024, 1, 1, tzinfo=UTC)) for pk in range(1, people + 1)))  # fmt: skip
        cursor.execute("SELECT setval(pg_get_serial_sequence('people_person', 'id'), %s)", [total])
        cursor.execute("ANALYZE")


PERSON_COLUMNS = (
    "id, given_name, family_name, address_lines, locality, region, postal_code, country, "
    "location_precision, membership_status, member_since, source, custom_fields, "
    "email_consent, sms_consent, phone_consent, created_at, modified_at"
)


def _person(pk: int) -> list[Any]:
    created = datetime(2024, 1, 1, tzinfo=UTC)
    return [
        pk, f"Given{pk}", f"Family{pk % 5000}", "", "", "", "", "GB", "", "member",
        date(2020, 1, 1), SOURCE, "{}", True, True, True, created, created,
    ]  # fmt: skip


def _copy(pg: Any, target: str, rows: Any) -> None:
    with pg.copy(f"COPY {target} FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def _reset_calls() -> None:
    """Forget earlier runs: their assignments, calls, answers and history, and give back the phone
    consent and numbers that "asked not to be called" took away."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE outreach_callassignment, outreach_question, people_historyevent CASCADE"
        )
        cursor.execute("UPDATE people_person SET phone_consent = true WHERE NOT phone_consent")
        cursor.execute("UPDATE people_phonenumber SET do_not_call = false WHERE do_not_call")
        cursor.execute("TRUNCATE django_tasks_database_dbtaskresult")


# --- The assignment ----------------------------------------------------------------------------------


def _assignment(people: int, callers: int) -> tuple[Any, list[Any], Any]:
    """A started assignment over the group, its callers, and the organiser who runs it."""
    from groundswell.accounts.models import Role, User
    from groundswell.groups.models import Group
    from groundswell.outreach.actions.assignments import (
        AssignmentSpec,
        QuestionSpec,
        create_assignment,
        start_assignment,
    )
    from groundswell.people.models import Person
    from groundswell.searches.models import SavedSearch

    user = User.objects.filter(email="bench-national@example.org").first()
    if user is None:
        user = User.objects.create_user("bench-national@example.org", role=Role.NATIONAL_ORGANISER)
    group = Group.objects.get(slug="bench-calls")
    search = SavedSearch.objects.create(
        name="Branch members", owner=user, definition={"filter": "group", "group": group.pk}
    )
    caller_people = list(Person.objects.filter(pk__gt=people).order_by("pk")[:callers])
    spec = AssignmentSpec(
        name="Benchmark phone bank", audience=search, callers=caller_people,
        questions=[QuestionSpec("yes_no_maybe", "Will you vote for us?")],
    )  # fmt: skip
    assignment = create_assignment(user, spec)
    started = time.perf_counter()
    queued = start_assignment(assignment)
    print(f"start_assignment queued {queued:,} people in {time.perf_counter() - started:.2f} s")
    assignment.refresh_from_db()
    return assignment, caller_people, user


# --- Callers -----------------------------------------------------------------------------------------


@dataclass
class Tally:
    """What the callers saw, shared by every worker thread (under `lock`)."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    serve_ms: list[float] = field(default_factory=list)
    record_ms: list[float] = field(default_factory=list)
    held: dict[int, int] = field(default_factory=dict)  # person id -> caller id holding them
    served: set[int] = field(default_factory=set)
    pairs: set[tuple[int, int]] = field(default_factory=set)  # (person id, caller id) served
    duplicates: list[tuple[int, int, int]] = field(default_factory=list)
    refused: int = 0
    errors: list[str] = field(default_factory=list)
    done: int = 0
    most_held: int = 0

    def took(self, person_id: int, caller_id: int) -> None:
        with self.lock:
            other = self.held.get(person_id)
            if other is not None and other != caller_id:
                self.duplicates.append((person_id, other, caller_id))
            self.held[person_id] = caller_id
            self.served.add(person_id)
            self.pairs.add((person_id, caller_id))
            self.most_held = max(self.most_held, len(self.held))

    def let_go(self, person_id: int, caller_id: int) -> None:
        with self.lock:
            if self.held.get(person_id) == caller_id:
                del self.held[person_id]


class Worker(threading.Thread):
    """One database session taking turns among its callers: each caller records the person they hold
    and is served the next, so every caller holds someone between turns."""

    def __init__(self, setting: Any, callers: list[Any], tally: Tally, until: float) -> None:
        super().__init__(daemon=True)
        self.assignment, self.user = setting
        self.callers, self.tally, self.until = callers, tally, until
        self.rng = random.Random(SEED + callers[0].pk)
        self.question = f"q{self.assignment.questions.get().pk}" if callers else ""

    def run(self) -> None:
        from django.db import connection

        try:
            holding = {c.pk: self._serve(c) for c in self.callers}
            while time.perf_counter() < self.until and any(holding.values()):
                for caller in self.callers:
                    entry = holding[caller.pk]
                    if entry is not None:
                        self._record(entry, caller)
                        holding[caller.pk] = self._serve(caller)
        except Exception as exc:  # noqa: BLE001 - reported, and the run goes on with the others
            self.tally.errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            connection.close()

    def _serve(self, caller: Any) -> Any:
        from django.utils import timezone

        from groundswell.outreach.actions.queue import serve_next

        started = time.perf_counter()
        entry = serve_next(self.assignment, caller, timezone.now())
        self.tally.serve_ms.append((time.perf_counter() - started) * 1000)
        if entry is not None:
            self.tally.took(entry.person_id, caller.pk)
        return entry

    def _record(self, entry: Any, caller: Any) -> None:
        from groundswell.outreach.actions.calls import OutcomeRefused, Report, record_outcome

        outcome = self.rng.choices([o for o, _ in OUTCOMES], [s for _, s in OUTCOMES])[0]
        answers = {self.question: [self.rng.choice(["yes", "no", "maybe"])]}
        report = Report(outcome, answers if outcome == "answered" else {}, round=entry.attempts)
        self.tally.let_go(entry.person_id, caller.pk)
        started = time.perf_counter()
        try:
            record_outcome(entry, caller, report, actor=self.user)
        except OutcomeRefused:
            self.tally.refused += 1
        self.tally.record_ms.append((time.perf_counter() - started) * 1000)
        with self.tally.lock:
            self.tally.done += 1


def _drive(setting: Any, callers: list[Any], workers: int, seconds: float) -> tuple[Tally, float]:
    """Run the callers over `workers` threads for `seconds` (0: until no one is left to call)."""
    tally = Tally()
    until = time.perf_counter() + (seconds or 10**9)
    shares = [callers[i::workers] for i in range(min(workers, len(callers)))]
    threads = [Worker(setting, share, tally, until) for share in shares]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tally, time.perf_counter() - started


def _drive_processes(
    setting: Any, callers: list[Any], workers: int, processes: int, seconds: float
) -> tuple[Tally, float]:
    """The callers split over `processes` forked processes, each with its share of the worker
    threads: one Python process cannot keep PostgreSQL busy (the GIL), a web server runs several."""
    from django.db import connection

    if processes <= 1:
        with WaitSampler(connection.settings_dict):
            return _drive(setting, callers, workers, seconds)
    import multiprocessing

    connection.close()  # each child opens its own sessions
    assignment, user = setting
    jobs = [
        (
            assignment.pk,
            user.pk,
            [c.pk for c in callers[i::processes]],
            workers // processes,
            seconds,
        )
        for i in range(processes)
    ]
    with multiprocessing.get_context("fork").Pool(processes) as pool:
        pending = pool.starmap_async(_drive_in_child, jobs)
        with WaitSampler(connection.settings_dict):  # opened after the fork: not shared
            parts = pending.get()
    merged = Tally()
    for part, _ in parts:
        merged.serve_ms += part.serve_ms
        merged.record_ms += part.record_ms
        merged.served |= part.served
        merged.pairs |= part.pairs
        merged.duplicates += part.duplicates
        merged.errors += part.errors
        merged.refused += part.refused
        merged.done += part.done
        merged.most_held += part.most_held  # each process's peak, added up
    return merged, max(took for _, took in parts)


class WaitSampler(threading.Thread):
    """What the run's PostgreSQL sessions are doing, sampled every 50 ms from a session of its own:
    running (CPU), waiting on a lock, on I/O, or idle between queries (the client's turn)."""

    def __init__(self, settings: dict[str, Any]) -> None:
        super().__init__(daemon=True)
        self.settings, self.counts = settings, Counter[str]()
        self.stop = threading.Event()

    def __enter__(self) -> "WaitSampler":
        self.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        self.join()
        total = sum(self.counts.values()) or 1
        shares = ", ".join(f"{k} {v / total:.0%}" for k, v in self.counts.most_common(6))
        print(f"  (concurrent run) PostgreSQL session states sampled: {shares}")

    def run(self) -> None:
        import psycopg

        s = self.settings
        with psycopg.connect(
            host=s["HOST"], port=s["PORT"] or 5432, user=s["USER"], dbname=s["NAME"],
            password=s["PASSWORD"] or None, autocommit=True,
        ) as conn:  # fmt: skip
            while not self.stop.wait(0.05):
                rows = conn.execute(SESSIONS).fetchall()
                self.counts.update(state for (state,) in rows)


SESSIONS = """
SELECT CASE WHEN state LIKE 'idle%%' THEN state
            WHEN wait_event_type IS NULL THEN 'running'
            ELSE wait_event_type || ':' || wait_event END
FROM pg_stat_activity
WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
"""


def _drive_in_child(
    assignment_id: int, user_id: int, caller_ids: list[int], workers: int, seconds: float
) -> tuple[Tally, float]:
    from groundswell.accounts.models import User
    from groundswell.outreach.models import CallAssignment
    from groundswell.people.models import Person

    setting = (CallAssignment.objects.get(pk=assignment_id), User.objects.get(pk=user_id))
    callers = list(Person.objects.filter(pk__in=caller_ids).order_by("pk"))
    tally, took = _drive(setting, callers, max(workers, 1), seconds)
    tally.lock = None  # type: ignore[assignment]  # a lock does not pickle
    return tally, took


# --- Checks and report -------------------------------------------------------------------------------


def _rung_twice(assignment: Any, since: datetime) -> int:
    """People with two attempts inside the cooldown (the whole run is shorter than it)."""
    from django.db.models import Count

    from groundswell.outreach.models import CallAttempt

    attempts = CallAttempt.objects.filter(assignment=assignment, at__gte=since)
    twice = attempts.values("person_id").annotate(n=Count("id")).filter(n__gt=1)
    return twice.count()


def _served_to_two(tally: Tally) -> int:
    """People handed to more than one caller during the run: none may be, since every outcome is
    recorded and the cooldown outlasts the run (checked across processes, unlike `duplicates`)."""
    callers: dict[int, set[int]] = {}
    for person_id, caller_id in tally.pairs:
        callers.setdefault(person_id, set()).add(caller_id)
    return sum(1 for ids in callers.values() if len(ids) > 1)


def _never_served(assignment: Any) -> int:
    from groundswell.outreach.models import CallQueueEntry

    return CallQueueEntry.objects.filter(assignment=assignment, attempts=0, done=False).count()


def _analyze_queue() -> None:
    """Gather the queue's statistics, as autovacuum would some time after a start (it is off on
    some servers: then never). Until then PostgreSQL plans the next-person query for an empty
    queue, and each serve sorts the whole queue (see the first figures)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW autovacuum")
        autovacuum = cursor.fetchone()[0]
        started = time.perf_counter()
        cursor.execute("ANALYZE outreach_callqueueentry")
    took = time.perf_counter() - started
    print(f"ANALYZE outreach_callqueueentry: {took:.2f} s (autovacuum is {autovacuum} here)")


def _select_one_rate(seconds: float = 2.0) -> float:
    from django.db import connection

    n, until = 0, time.perf_counter() + seconds
    with connection.cursor() as cursor:
        while time.perf_counter() < until:
            cursor.execute("SELECT 1")
            cursor.fetchone()
            n += 1
    return n / seconds


def _postgres_cpu_seconds() -> float | None:
    """CPU seconds used by PostgreSQL's processes on this machine, ended backends included (None
    where /proc cannot tell)."""
    import os
    from pathlib import Path

    ticks, found = 0, False
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)
            name = fields[0].split("(", 1)[1]
            if name.startswith("postgres"):
                parts = fields[1].split()
                # utime, stime, and those of reaped children: the postmaster collects the time
                # of the backends that ended (the workers close their sessions before "after").
                ticks += sum(int(tick) for tick in parts[11:15])
                found = True
        except (OSError, IndexError, ValueError):
            continue
    return ticks / os.sysconf("SC_CLK_TCK") if found else None


def _percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return f"p50 {cuts[49]:7.1f}  p95 {cuts[94]:7.1f}  p99 {cuts[98]:7.1f} ms"


def _report(label: str, tally: Tally, seconds: float) -> float:
    rate = tally.done / seconds
    print(
        f"{label}: {tally.done:,} assignments (serve + record) in {seconds:.1f} s = {rate:,.1f}/s"
    )
    print(f"  serve_next     {_percentiles(tally.serve_ms)}  ({len(tally.serve_ms):,} calls)")
    print(f"  record_outcome {_percentiles(tally.record_ms)}  ({len(tally.record_ms):,} calls)")
    print(f"  people served {len(tally.served):,}, outcomes refused {tally.refused}")
    for error in tally.errors[:5]:
        print(f"  ERROR in a worker: {error}")
    return rate


def _run(args: argparse.Namespace) -> None:
    import os

    from django.db import connection
    from django.utils import timezone

    assignment, callers, user = _assignment(args.people, args.callers)
    print(f"SELECT 1 round trips: {_select_one_rate():,.0f}/s (one session)")
    print(f"load average before timing: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    since = timezone.now()
    stale, stale_s = _drive((assignment, user), callers[:1], 1, args.stale_seconds)
    _report("1 caller, before the queue's statistics are gathered", stale, stale_s)
    _analyze_queue()
    single, single_s = _drive((assignment, user), callers[1:2], 1, args.single_seconds)
    single_rate = _report("1 caller (reference)", single, single_s)
    cpu_before = _postgres_cpu_seconds()
    tally, seconds = _drive_processes(
        (assignment, user), callers, args.workers, args.processes, args.seconds
    )
    cpu_after = _postgres_cpu_seconds()
    label = f"{len(callers)} callers over {args.workers} sessions in {args.processes} process(es)"
    rate = _report(label, tally, seconds)
    print(
        f"  most people held at once: {tally.most_held} (by {len(callers)} callers; summed over processes)"
    )
    if cpu_before is not None and cpu_after is not None:
        used = cpu_after - cpu_before
        print(f"  PostgreSQL CPU {used:.1f} s = {used / seconds:.2f} cores over the run")
    print(f"concurrency ratio: {rate / single_rate:.2f}x the one-caller rate")
    twice = _rung_twice(assignment, since)
    two = _served_to_two(tally)
    duplicates = len(tally.duplicates) + twice + two
    print(f"duplicates: {len(tally.duplicates)} served while another caller held them, "
          f"{two} served to two callers, {twice} rung twice within the cooldown -> "
          f"{duplicates} (target 0: {'met' if duplicates == 0 else 'MISSED'})")  # fmt: skip
    if args.seconds == 0:
        print(f"lost (callable, never served, queue exhausted): {_never_served(assignment)}")
    connection.close()


if __name__ == "__main__":
    main()
