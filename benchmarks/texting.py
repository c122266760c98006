"""Benchmark: queue and send 100,000 opening texts to the local fake Twilio, on PostgreSQL.

    .venv/bin/python benchmarks/texting.py                         # 100,000 people, 16 texters
    .venv/bin/python benchmarks/texting.py --people 5000 --duration 30 --profile 200

Loads people who agreed to texts, each with a UK mobile, into a tag; a saved search over the tag;
a campaign with N texter accounts. Phase 1 ("queue") times start_text_campaign, which writes one
Conversation per person. Phase 2 ("send") starts the fake Twilio server (groundswell's own
FakeTwilio, in this process, which does nothing else meanwhile) and worker processes whose threads
are texters, each clicking as fast as it can: claim_next ("Send next"), then send_opening_text
("Send": one human click, one text), until no one is left or --duration runs out. Every figure is
what was actually sent: nothing is extrapolated.

Prints messages/s, per-click latencies, sent/failed counts, duplicates (must be 0), the fake's
request count, PostgreSQL's CPU time (utime+stime of its processes from /proc, before and after)
and the Python side's CPU, and how a send splits into database, HTTP and Python time.
Target: >= 500 messages/s. Reference: a peer's database fell over at about 230 messages/s.
"""

import argparse
import cProfile
import io
import multiprocessing as mp
import os
import pstats
import statistics
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import ROOT, SqlClock, setup_django

POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/gs_bench_texting"
TARGET_RATE = 500.0
REFERENCE_RATE = 230.0  # where a peer's database fell over
SOURCE = "benchmark-texting"
CAMPAIGN = "Benchmark texting"
MESSAGE = "Hi {given_name}, it's {texter_name} from {group_name}. Can you help on Saturday?"
# A Wednesday noon in London; the clock moves on from here as the run goes, so claims age.
DAYTIME = datetime(2026, 1, 14, 12, 0, tzinfo=UTC)
CHUNK = 5000
TICK = os.sysconf("SC_CLK_TCK")


def main() -> None:
    args = _arguments()
    sys.path.insert(0, str(ROOT))  # the fake server starts before Django, which needs its URL
    from groundswell.messaging.tests.fake_twilio import FakeTwilio

    with FakeTwilio() as fake:
        setup_django(args.database_url, **_sms_environment(fake))
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
        print(f"== PostgreSQL: texting {args.people:,} people with {args.texters} texters ==")
        campaign_id = _prepare(args)
        if args.profile:
            _profile_one_texter(campaign_id, args.profile)
        report = _send_phase(args, campaign_id, fake)
    _print_send(report, args)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--database-url", default=POSTGRES_URL)
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--texters", type=int, default=16)
    # One worker process per core (this machine has 2), its threads the texters: measured faster
    # than 4 processes of 4 threads (564 against 487 messages/s), which spend more CPU per text.
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--duration", type=float, default=300, help="seconds; stop sending then")
    parser.add_argument("--profile", type=int, default=0, help="cProfile one texter's N sends")
    return parser.parse_args()


def _sms_environment(fake: Any) -> dict[str, str]:
    # Environment, not settings: the spawned worker processes inherit it.
    return {
        "SMS_PROVIDER": "twilio",
        "SMS_TWILIO_API_BASE": fake.url,
        "SMS_TWILIO_ACCOUNT_SID": fake.account_sid,
        "SMS_TWILIO_AUTH_TOKEN": fake.auth_token,
        "SMS_FROM_NUMBER": "+447400000001",
        "SMS_TIMEOUT_SECONDS": "10",
        "SITE_URL": "https://gs.example.org",
    }


# --- Set-up and phase 1 ---------------------------------------------------------------------------


def _prepare(args: argparse.Namespace) -> int:
    """Load (or reuse) the people, drop earlier benchmark campaigns, make and start a new one."""
    from groundswell.people.models import Person

    _drop_old_campaigns()
    if Person.objects.filter(source=SOURCE).count() != args.people:
        started = time.perf_counter()
        _load_people(args.people)
        print(f"loaded {args.people:,} people in {time.perf_counter() - started:.0f} s")
    else:
        print(f"reusing the {args.people:,} people already loaded")
    owner, texters = _organiser(), _texters(args.texters)
    campaign = _create_campaign(owner, texters)
    _queue(campaign, args.people)
    return campaign.pk


def _drop_old_campaigns() -> None:
    from django.db import connection

    from groundswell.outreach.models import Conversation, TextCampaign, TextMessage
    from groundswell.people.models import HistoryEvent

    old = TextCampaign.objects.filter(name=CAMPAIGN)
    with connection.cursor() as cursor:
        # The last run's rows, unanalysed (autovacuum may be off): without fresh statistics the
        # planner joins the history to itself row by row, for minutes.
        cursor.execute("ANALYZE people_historyevent")
        cursor.execute("ANALYZE outreach_textmessage")
    for rows in (
        TextMessage.objects.filter(conversation__campaign__in=old),
        Conversation.objects.filter(campaign__in=old),
        HistoryEvent.objects.filter(kind="texted", person__source=SOURCE),
        TextCampaign.texters.through.objects.filter(textcampaign__in=old),
    ):
        rows._raw_delete(rows.db)  # type: ignore[attr-defined]
    old.delete()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE outreach_conversation")
        cursor.execute("VACUUM ANALYZE outreach_textmessage")


def _load_people(count: int) -> None:
    from django.db import connection, transaction

    from groundswell.people.models import HistoryEvent, Person, PhoneNumber, Tag

    through = Person.tags.through
    for model in (PhoneNumber, through, HistoryEvent, Person):
        rows = model.objects.filter(**{"source" if model is Person else "person__source": SOURCE})
        rows._raw_delete(rows.db)  # type: ignore[attr-defined]
    tag, _ = Tag.objects.get_or_create(name="benchmark-texting")
    for start in range(0, count, CHUNK):
        with transaction.atomic():
            people = Person.objects.bulk_create(
                Person(given_name=f"Pat{i}", family_name="Bench", source=SOURCE, sms_consent=True)
                for i in range(start, min(start + CHUNK, count))
            )
            PhoneNumber.objects.bulk_create(
                PhoneNumber(
                    person=person,
                    number=f"+44740{100000 + start + i:07d}",
                    number_type=PhoneNumber.Kind.MOBILE,
                    sms_capable=True,
                    primary=True,
                )
                for i, person in enumerate(people)
            )
            through.objects.bulk_create(through(person=p, tag=tag) for p in people)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _organiser() -> Any:
    from groundswell.accounts.models import Role, User
    from groundswell.people.models import Person

    user = User.objects.filter(email="organiser@bench.example.org").first()
    if user is None:
        person = Person.objects.create(given_name="Olu", source=SOURCE + "-staff")
        user = User.objects.create_user(
            "organiser@bench.example.org", person=person, role=Role.NATIONAL_ORGANISER
        )
    return user


def _texters(count: int) -> list[Any]:
    from groundswell.accounts.models import User
    from groundswell.people.models import Person

    users = []
    for i in range(count):
        user = User.objects.filter(email=f"texter{i}@bench.example.org").first()
        if user is None:
            person = Person.objects.create(given_name=f"Tex{i}", source=SOURCE + "-staff")
            user = User.objects.create_user(f"texter{i}@bench.example.org", person=person)
        users.append(user)
    return users


def _create_campaign(owner: Any, texters: list[Any]) -> Any:
    from groundswell.outreach.actions.texting import CampaignDetails, create_text_campaign
    from groundswell.people.models import Tag
    from groundswell.searches.models import SavedSearch

    tag = Tag.objects.get(name="benchmark-texting")
    search, _ = SavedSearch.objects.get_or_create(
        name="Benchmark texting audience",
        owner=owner,
        defaults={"definition": {"all": [{"filter": "tag", "tag": tag.pk}]}},
    )
    details = CampaignDetails(
        name=CAMPAIGN, audience=search, message=MESSAGE, texters=[u.person for u in texters]
    )
    return create_text_campaign(owner, details)


def _queue(campaign: Any, people: int) -> None:
    from django.db import connection

    from groundswell.outreach.actions.texting import start_text_campaign

    clock, cpu = SqlClock(), PostgresCpu(connection)
    started, python = time.perf_counter(), time.process_time()
    with connection.execute_wrapper(clock):
        counts = start_text_campaign(campaign)
    wall, python = time.perf_counter() - started, time.process_time() - python
    db = cpu.used()
    print("\n-- phase 1: queue (start_text_campaign) --")
    print(f"conversations added    {counts.added:,} of {people:,} ({counts.summary()})")
    print(f"wall time              {wall:.1f} s ({counts.added / wall:,.0f} conversations/s)")
    print(f"waiting on database    {clock.seconds:.1f} s; Python CPU {python:.1f} s")
    print(f"PostgreSQL CPU         {db.ours:.1f} s our backends, {db.background:.1f} s background")
    with connection.cursor() as cursor:
        # What autovacuum does soon after a 100,000-row insert; left out, the planner keeps the
        # empty table's statistics and "Send next" (_held) scans every waiting row.
        cursor.execute("ANALYZE outreach_conversation")
    print("then ANALYZE outreach_conversation (as autovacuum would after the insert)")


# --- PostgreSQL's CPU ------------------------------------------------------------------------------


@dataclass
class DbCpu:
    ours: float  # the client backends of this database
    background: float  # postmaster, WAL writer, checkpointer, autovacuum... (shared by all)
    others: float  # other databases' backends on the same server (other people's work)


class PostgresCpu:
    """utime+stime of every `postgres` process from /proc, sorted by pg_stat_activity into this
    database's backends, background processes and other databases'. A process that starts in the
    window counts whole; keep the connections open until `used()` so none is lost by exiting."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection
        self.before = _postgres_ticks()

    def used(self) -> DbCpu:
        after = _postgres_ticks()
        kinds = self._kinds()
        totals = Counter[str]()
        for pid, ticks in after.items():
            totals[kinds.get(pid, "background")] += ticks - self.before.get(pid, 0)
        return DbCpu(*(totals[name] / TICK for name in ("ours", "background", "others")))

    def _kinds(self) -> dict[int, str]:
        with self.connection.cursor() as cursor:
            cursor.execute(
                "SELECT pid, CASE WHEN datname = current_database() THEN 'ours' "
                "WHEN datname IS NULL THEN 'background' ELSE 'others' END FROM pg_stat_activity"
            )
            return dict(cursor.fetchall())


def _postgres_ticks() -> dict[int, int]:
    found = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited meanwhile
        if "(postgres)" not in stat:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        found[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime, stime
    return found


# --- Phase 2: texters ------------------------------------------------------------------------------


@dataclass
class TexterStats:
    """One process's texters, added up."""

    kinds: Counter[str] = field(default_factory=Counter)
    claim_ms: list[float] = field(default_factory=list)
    send_ms: list[float] = field(default_factory=list)
    done_at: list[float] = field(default_factory=list)  # wall clock of each text sent
    queries: int = 0  # SQL statements, claims and sends together
    claim_db: float = 0.0
    send_db: float = 0.0
    send_http: float = 0.0
    thread_cpu: float = 0.0
    process_cpu: float = 0.0

    def add(self, other: "TexterStats") -> None:
        self.kinds.update(other.kinds)
        for name in ("claim_ms", "send_ms", "done_at"):
            getattr(self, name).extend(getattr(other, name))
        self.queries += other.queries
        for name in ("claim_db", "send_db", "send_http", "thread_cpu", "process_cpu"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


class CountingClock(SqlClock):
    """SqlClock that also counts the statements."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.calls += 1
        return super().__call__(execute, sql, params, many, context)


_http = threading.local()


def _time_http(provider: Any) -> None:
    """Count each thread's seconds inside the provider's HTTP call (instrumentation only)."""
    post = provider._post

    def timed(*args: Any) -> Any:
        started = time.perf_counter()
        try:
            return post(*args)
        finally:
            _http.seconds = getattr(_http, "seconds", 0.0) + time.perf_counter() - started

    provider._post = timed


def _clock_now(started: float) -> datetime:
    return DAYTIME + timedelta(seconds=time.time() - started)


def _texter(user_id: int, campaign_id: int, gate: Any, until: float) -> TexterStats:
    """One texter clicking "Send next" then "Send" as fast as they can."""
    from django.db import connection

    from groundswell.accounts.models import User
    from groundswell.outreach.actions.text_claims import claim_next
    from groundswell.outreach.actions.text_sending import send_opening_text
    from groundswell.outreach.models import TextCampaign

    user = User.objects.select_related("person").get(pk=user_id)
    campaign = TextCampaign.objects.get(pk=campaign_id)
    stats, clock = TexterStats(), CountingClock()
    gate.ready()
    started = gate.wait()
    cpu = time.thread_time()
    with connection.execute_wrapper(clock):
        while time.time() < started + until:
            t0, db0, clock.calls = time.perf_counter(), clock.seconds, 0
            claim = claim_next(user.person, campaign, now=_clock_now(started))
            t1, db1, http0 = time.perf_counter(), clock.seconds, getattr(_http, "seconds", 0.0)
            if claim.conversation is None:
                break
            outcome = send_opening_text(user, campaign, claim.token, now=_clock_now(started))
            t2 = time.perf_counter()
            stats.kinds[outcome.kind] += 1
            stats.claim_ms.append((t1 - t0) * 1000)
            stats.send_ms.append((t2 - t1) * 1000)
            stats.done_at.append(time.time())
            stats.queries += clock.calls
            clock.calls = 0
            stats.claim_db += db1 - db0
            stats.send_db += clock.seconds - db1
            stats.send_http += getattr(_http, "seconds", 0.0) - http0
    stats.thread_cpu = time.thread_time() - cpu
    return stats


class _Gate:
    """Workers say they are connected and ready; the parent opens the gate with the start time."""

    def __init__(self, ready: Any, start: Any, started: Any) -> None:
        self._ready, self._start, self._started = ready, start, started

    def ready(self) -> None:
        self._ready.put(1)

    def wait(self) -> float:
        self._start.wait()
        return float(self._started.value)


def _worker(
    url: str, user_ids: list[int], campaign_id: int, until: float, queues: Any, events: Any
) -> None:
    setup_django(url)
    from django.db import connections

    from groundswell.messaging.sms.provider import get_provider

    _time_http(get_provider())
    ready, results = queues
    start, may_exit, started = events
    gate = _Gate(ready, start, started)
    total, lock = TexterStats(), threading.Lock()

    def run(user_id: int) -> None:
        stats = _texter(user_id, campaign_id, gate, until)
        with lock:
            total.add(stats)

    threads = [threading.Thread(target=run, args=(pk,)) for pk in user_ids]
    for thread in threads:
        thread.start()
    start.wait()
    cpu = sum(os.times()[:2])  # from the start: Django's set-up is not the texters' work
    for thread in threads:
        thread.join()
    total.process_cpu = sum(os.times()[:2]) - cpu
    results.put(total)
    may_exit.wait()  # keep the backends alive until the parent has read their CPU time
    connections.close_all()


@dataclass
class SendReport:
    stats: TexterStats
    wall: float
    db: DbCpu
    fake_cpu: float
    fake_requests: int
    fake_messages: int
    duplicates: int
    conversations_sent: int


def _send_phase(args: argparse.Namespace, campaign_id: int, fake: Any) -> SendReport:
    from django.db import connection

    from groundswell.outreach.models import TextCampaign

    user_ids = list(TextCampaign.objects.get(pk=campaign_id).texters.values_list("user", flat=True))
    context = mp.get_context("spawn")
    ready, results = context.Queue(), context.Queue()
    start, may_exit, started = context.Event(), context.Event(), context.Value("d", 0.0)
    workers = [
        context.Process(
            target=_worker,
            args=(
                args.database_url,
                user_ids[i :: args.processes],
                campaign_id,
                args.duration,
                (ready, results),
                (start, may_exit, started),
            ),
        )
        for i in range(args.processes)
    ]
    for worker in workers:
        worker.start()
    for _ in user_ids:
        ready.get(timeout=120)
    cpu, fake_cpu = PostgresCpu(connection), time.process_time()
    started.value = time.time()
    start.set()
    stats = TexterStats()
    for _ in workers:
        stats.add(results.get(timeout=args.duration + 600))
    wall = (max(stats.done_at) if stats.done_at else time.time()) - started.value
    db, fake_cpu = cpu.used(), time.process_time() - fake_cpu
    may_exit.set()
    for worker in workers:
        worker.join()
    duplicates, sent = _check_no_one_texted_twice(campaign_id)
    return SendReport(
        stats, wall, db, fake_cpu, len(fake.requests), len(fake.messages), duplicates, sent
    )


def _check_no_one_texted_twice(campaign_id: int) -> tuple[int, int]:
    """(conversations with more than one text, conversations marked sent)."""
    from django.db.models import Count

    from groundswell.outreach.models import Conversation

    conversations = Conversation.objects.filter(campaign_id=campaign_id)
    twice = conversations.annotate(texts=Count("messages")).filter(texts__gt=1).count()
    return twice, conversations.filter(status="sent").count()


# --- Output ----------------------------------------------------------------------------------------


def _percentiles(values: list[float]) -> str:
    if len(values) < 2:
        return "n/a"
    cuts = statistics.quantiles(values, n=100)
    return f"p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, p99 {cuts[98]:.1f} ms"


def _print_send(report: SendReport, args: argparse.Namespace) -> None:
    stats, wall = report.stats, report.wall
    sent = stats.kinds["sent"]
    rate = sent / wall if wall > 0 else 0.0
    print(f"\n-- phase 2: send ({args.processes} processes, {args.texters} texters) --")
    print(f"sent                   {sent:,} in {wall:.1f} s (cap {args.duration:g} s)")
    print(f"other outcomes         {dict(stats.kinds - Counter(sent=sent)) or 'none'}")
    early = [at for at in stats.done_at if at - (max(stats.done_at) - wall) <= 60]
    if wall > 60:
        print(f"sent in the first 60 s {len(early):,} ({len(early) / 60:.0f}/s)")
    print(f"messages/s             {rate:.0f}")
    print(f"'Send next' (claim)    {_percentiles(stats.claim_ms)}")
    print(f"'Send' (one text)      {_percentiles(stats.send_ms)}")
    print(f"duplicates             {report.duplicates} conversations with more than one text")
    profiled = f" (with the {args.profile} profiled before)" if args.profile else ""
    print(f"conversations sent     {report.conversations_sent:,}{profiled}")
    print(
        f"fake Twilio            {report.fake_requests:,} requests, {report.fake_messages:,} accepted"
    )
    _print_split(stats, sent)
    _print_cpu(report, sent, wall)
    print("\n-- against the reference --")
    print(f"ours / 230 per s (where a peer's database fell over)  {rate / REFERENCE_RATE:.2f}x")
    verdict = "MET" if rate >= TARGET_RATE else "MISSED"
    print(f"target {TARGET_RATE:.0f}/s                                        {verdict}")


def _print_split(stats: TexterStats, sent: int) -> None:
    if not sent:
        return
    send_total = sum(stats.send_ms) / 1000
    python = send_total - stats.send_db - stats.send_http
    print(f"per text, mean ms      ({stats.queries / sent:.1f} SQL statements; wall time, under load)")  # fmt: skip
    print(f"  'Send next'          {sum(stats.claim_ms) / sent:.2f} ms, of it database {stats.claim_db / sent * 1000:.2f}")  # fmt: skip
    print(
        f"  'Send'               {send_total / sent * 1000:.2f} ms = database "
        f"{stats.send_db / sent * 1000:.2f} + HTTP to the fake {stats.send_http / sent * 1000:.2f}"
        f" + Python {python / sent * 1000:.2f}"
    )


def _print_cpu(report: SendReport, sent: int, wall: float) -> None:
    db, stats = report.db, report.stats
    per = 1000 / sent if sent else 0.0
    print(f"CPU seconds            (2 cores: at most {2 * wall:.0f} s in this window)")
    print(f"  PostgreSQL           {db.ours:.1f} s our backends + {db.background:.1f} s background = {(db.ours + db.background) * per:.2f} ms per text")  # fmt: skip
    print(f"  other databases      {db.others:.1f} s (other work on the shared server)")
    print(f"  Python texters       {stats.process_cpu:.1f} s ({stats.process_cpu * per:.2f} ms per text; texter threads {stats.thread_cpu:.1f} s)")  # fmt: skip
    print(f"  fake Twilio          {report.fake_cpu:.1f} s ({report.fake_cpu * per:.2f} ms per text)")  # fmt: skip


# --- Profile ---------------------------------------------------------------------------------------


def _profile_one_texter(campaign_id: int, sends: int) -> None:
    """cProfile one texter alone for `sends` clicks, before the timed run (they count as sent)."""
    from groundswell.accounts.models import User
    from groundswell.outreach.actions.text_claims import claim_next
    from groundswell.outreach.actions.text_sending import send_opening_text
    from groundswell.outreach.models import TextCampaign

    campaign = TextCampaign.objects.get(pk=campaign_id)
    user = User.objects.select_related("person").get(person=campaign.texters.first())
    profile, started = cProfile.Profile(), time.time()
    wall = time.perf_counter()
    profile.enable()
    for _ in range(sends):
        claim = claim_next(user.person, campaign, now=_clock_now(started))
        send_opening_text(user, campaign, claim.token, now=_clock_now(started))
    profile.disable()
    wall = time.perf_counter() - wall
    print(f"\n-- profile: one texter alone, {sends} sends in {wall:.2f} s (under cProfile) --")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(30)
    out.write("\n")
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(25)
    print(out.getvalue())


if __name__ == "__main__":
    main()
