"""Benchmark: import N people (default 1,000,000) from a realistic CSV through the real import runner,
and bulk-load the same rows raw into a plain table in the same run, on SQLite or PostgreSQL.

    .venv/bin/python benchmarks/import_people.py --rows 200000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/gs_bench_import .venv/bin/python benchmarks/import_people.py

The database named by DATABASE_URL (default: a SQLite file in a temporary folder) is dropped and
created afresh. The raw load reads the same CSV with the csv module and writes every row, as text,
into a plain table with the same columns and no indexes: COPY on PostgreSQL, executemany on SQLite.
The import is the real thing: the dry run (check_import) and then run_import, one transaction.
Target: the import at >= 25% of the raw load's rows/s.
"""

import argparse
import csv
import os
import random
import resource
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FIRST = [
    "Olivia",
    "Amelia",
    "Isla",
    "Ava",
    "Mia",
    "Ivy",
    "Lily",
    "Isabella",
    "Rosie",
    "Sophia",
    "Grace",
    "Freya",
    "Willow",
    "Evie",
    "Zoë",
    "Aoife",
    "Siobhan",
    "Niamh",
    "Priya",
    "Aisha",
    "Fatima",
    "Maryam",
    "Zainab",
    "Chloé",
    "Agnieszka",
    "Oliver",
    "George",
    "Noah",
    "Arthur",
    "Leo",
    "Oscar",
    "Harry",
    "Muhammad",
    "Jack",
    "Charlie",
    "Jacob",
    "Thomas",
    "Finley",
    "Theo",
    "Alfie",
    "Dylan",
    "Rhys",
    "Gareth",
    "Sean",
    "Ciarán",
    "Rajesh",
    "Arjun",
    "Kwame",
    "Tomasz",
    "Mateusz",
    "José",
    "Dmitri",
    "Yusuf",
    "Ibrahim",
    "Hamza",
    "Omar",
    "Samuel",
    "Daniel",
    "Joseph",
]
LAST = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Robinson",
    "Wright",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Patel",
    "Khan",
    "Lewis",
    "James",
    "Phillips",
    "Mason",
    "Mitchell",
    "Rose",
    "Davis",
    "Rodríguez",
    "Cox",
    "Alexander",
    "Morgan",
    "Moore",
    "Martin",
    "Price",
    "Bell",
    "O'Brien",
    "Murphy",
    "Kelly",
    "Ní",
    "Bhriain",
    "Nowak",
    "Kowalski",
    "Singh",
    "Kaur",
    "Begum",
    "Ahmed",
    "Hussain",
    "Ali",
    "Brontë",
    "Okafor",
    "Mensah",
    "Nguyen",
    "Chen",
    "Ferreira",
    "Campbell",
    "Stewart",
    "MacDonald",
    "Hughes",
    "Edwards",
    "Llewellyn",
    "Pritchard",
]
DOMAINS = (
    "gmail.com",
    "hotmail.co.uk",
    "outlook.com",
    "yahoo.co.uk",
    "btinternet.com",
    "icloud.com",
)
TAGS = [
    "Housing",
    "NHS",
    "Canvasser",
    "Phone banker",
    "Donor",
    "Union member",
    "Climate",
    "Tenants union",
    "Driver",
    "Host",
    "Youth",
    "Student",
    "Councillor",
    "Press team",
    "Data team",
    "Social media",
    "Fundraising",
    "Welsh speaker",
    "Spanish speaker",
    "First aid",
    "Steward",
    "Eviction resistance",
    "Policy primary",
    "AGM 2025",
    "Selection 2025",
]
INWARD_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
HEADERS = [
    "first_name",
    "last_name",
    "email",
    "mobile_number",
    "zip_code",
    "tag_list",
    "membership_status",
]


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--keep", action="store_true", help="keep the generated CSV and database")
    parser.add_argument(
        "--no-floor",
        dest="floor",
        action="store_false",
        help="skip the reference load of the same people into the real tables (COPY/executemany, no checks)",
    )
    return parser.parse_args()


def setup_django(workdir: Path) -> str:
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{workdir / 'bench-import.sqlite3'}")
    os.environ["GROUNDSWELL_VAR_DIR"] = str(workdir / "var")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "groundswell.settings")
    url = os.environ["DATABASE_URL"]
    if url.startswith("postgres"):
        recreate_postgres(url)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return "PostgreSQL" if url.startswith("postgres") else "SQLite"


def recreate_postgres(url: str) -> None:
    import psycopg

    base, name = url.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def districts() -> tuple[list[str], list[int]]:
    from groundswell.geo.models import PostcodeDistrict

    rows = list(PostcodeDistrict.objects.values_list("code", "n_postcodes"))
    return [code for code, _ in rows], [max(n, 1) for _, n in rows]


def generate(path: Path, rows: int, seed: int) -> None:
    """Plausible people: real districts weighted by how many postcodes they hold, UK mobiles in the
    formats people type, 0-3 tags, and a sprinkling (~0.3%) of the mistakes real files have."""
    rng = random.Random(seed)
    codes, weights = districts()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for i in range(rows):
            writer.writerow(person_row(rng, i, codes, weights))


def person_row(rng: random.Random, i: int, codes: list[str], weights: list[int]) -> list[str]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    email = f"{ascii_name(first)}.{ascii_name(last)}.{i}@{rng.choice(DOMAINS)}"
    national = f"7{1 + i % 3}{i // 3:08d}"
    mobile = rng.choice((f"0{national}", f"0{national[:4]} {national[4:]}", f"+44 {national}"))
    district = rng.choices(codes, weights)[0]
    inward = f"{rng.randint(0, 9)}{rng.choice(INWARD_LETTERS)}{rng.choice(INWARD_LETTERS)}"
    postcode = rng.choice((f"{district} {inward}", f"{district}{inward}".lower()))
    tags = ";".join(rng.sample(TAGS, rng.choice((0, 1, 1, 2, 3))))
    status = rng.choice(("member", "member", "supporter", "lapsed"))
    mistake = rng.random()
    if mistake < 0.001:
        email = email.replace("@", " at ")
    elif mistake < 0.002:
        postcode = "Q" + postcode[1:]
    elif mistake < 0.003:
        mobile = mobile[:-3]
    return [first, last, email, mobile, postcode, tags, status]


def ascii_name(name: str) -> str:
    """Zoë -> zoe, O'Brien -> obrien: what people's email addresses look like."""
    decomposed = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return "".join(c for c in decomposed.lower() if c.isalnum())


def raw_load(path: Path) -> float:
    """Seconds to read the CSV and load every row into a plain table of the same columns."""
    from django.db import connection, transaction

    columns = ", ".join(f"{h} text" for h in HEADERS)
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE IF EXISTS bench_raw_people")
        cursor.execute(f"CREATE TABLE bench_raw_people ({columns})")
    started = time.perf_counter()
    with transaction.atomic(), path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        next(reader)
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                with cursor.copy(
                    f"COPY bench_raw_people ({', '.join(HEADERS)}) FROM STDIN"
                ) as copy:
                    for row in reader:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(HEADERS))
                cursor.executemany(f"INSERT INTO bench_raw_people VALUES ({marks})", reader)
    elapsed = time.perf_counter() - started
    with connection.cursor() as cursor:
        cursor.execute("DROP TABLE bench_raw_people")
    return elapsed


def insert_floor(path: Path) -> float:
    """Seconds to write each row's person, email, phone, tag links and history event into the real
    tables through the import's own bulk writer, with no checking, foreign keys checked; rolled back."""
    from django.db import connection, transaction
    from django.utils import timezone

    from groundswell.people.importing.bulksql import IdAllocator, db_value
    from groundswell.people.importing.writer import Tables
    from groundswell.people.models import Person, Tag

    now = timezone.now()
    with transaction.atomic(), path.open(newline="", encoding="utf-8") as handle:
        Tag.objects.bulk_create([Tag(name=name) for name in TAGS], ignore_conflicts=True)
        tag_ids = dict(Tag.objects.values_list("name", "pk"))
        started = time.perf_counter()
        tables, ids, empty = Tables(now), IdAllocator(Person), db_value(Person, "custom_fields", {})
        stamp, data = (
            db_value(Person, "created_at", now),
            db_value(Person, "custom_fields", {"x": 1}),
        )
        reader = csv.reader(handle)
        next(reader)
        for i, (first, last, email, _mobile, postcode, tags, status) in enumerate(reader):
            if i % 5000 == 0:
                tables.flush()
                batch = iter(ids.take(5000))
            pk = next(batch)
            tables.person.add(pk, first, last, "", "", "", postcode[:16], 51.5, -0.1, "district", None,
                              status, None, None, "bench", empty, False, False, False)  # fmt: skip
            tables.email.add(pk, f"{i}-{email}"[:254], True)
            tables.phone.add(pk, f"+4479{i:09d}", "mobile", True, True)
            for name in filter(None, tags.split(";")):
                tables.tag.add(pk, tag_ids[name])
            tables.history.add(pk, stamp, "created", "Record created (bench)", None, data)
        tables.flush()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # the checks a commit would run
        elapsed = time.perf_counter() - started
        transaction.set_rollback(True)
    return elapsed


def make_job(path: Path) -> int:
    from django.core.files import File

    from groundswell.accounts.models import Role, User
    from groundswell.people.importing.actions import create_import
    from groundswell.people.models import ImportJob, Tag

    Tag.objects.bulk_create([Tag(name=name) for name in TAGS], ignore_conflicts=True)
    user = User.objects.create_user("bench@example.org", role=Role.NATIONAL_ORGANISER)
    with path.open("rb") as handle:
        job = create_import(user, File(handle, name=path.name), None)
    job.status = ImportJob.Status.CHECKING
    job.save()
    return job.pk


def timed(label: str, function, *args) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    function(*args)
    elapsed = time.perf_counter() - started
    print(f"  {label:<34} {elapsed:8.1f} s", flush=True)
    return elapsed


def main() -> None:
    args = parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="gs-bench-import-"))
    backend = setup_django(workdir)
    from groundswell.people.importing.checking import check_import
    from groundswell.people.importing.runner import run_import
    from groundswell.people.models import ImportJob, Person

    path = workdir / "people.csv"
    print(f"Import benchmark: {args.rows:,} rows on {backend}", flush=True)
    timed("generate the CSV", generate, path, args.rows, args.seed)
    print(f"  {'CSV size':<34} {path.stat().st_size / 1e6:8.1f} MB")
    raw = timed("raw load (same rows, plain table)", raw_load, path)
    floor = insert_floor(path) if args.floor else 0
    if floor:
        print(f"  {'writes alone (no checks)':<34} {floor:8.1f} s", flush=True)
    job_id = timed("upload (sniff + store)", make_job, path) and ImportJob.objects.latest("pk").pk
    check = timed("dry run (check every row)", check_import, job_id)
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.QUEUED)
    imported = timed("import (run_import, one transaction)", run_import, job_id)
    job = ImportJob.objects.get(pk=job_id)
    assert job.status == ImportJob.Status.DONE, job.failure
    people = Person.objects.count()
    seconds = job.report["seconds"]
    print(
        f"  of the import's {seconds['total']} s, {seconds['database']} s were the database's own work "
        f"(inserts and updates; commit {seconds['commit']} s)"
    )
    print(
        f"  job: {job.created_count:,} created, {job.error_rows:,} rows with problems; {people:,} people in the table"
    )
    report(args.rows, raw, check, imported, floor)
    if not args.keep:
        import shutil

        shutil.rmtree(workdir, ignore_errors=True)


def report(rows: int, raw: float, check: float, imported: float, floor: float) -> None:
    """The target's reference is the same people bulk-loaded raw into the same tables (COPY on PostgreSQL,
    executemany on SQLite, no checking); the CSV copied into one bare table is printed beside it."""
    raw_rate, import_rate, check_rate = rows / raw, rows / imported, rows / check
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  raw load, CSV into one bare table:           {raw_rate:>10,.0f} rows/s")
    if floor:
        print(f"  raw load, same people into the same tables:  {rows / floor:>10,.0f} rows/s")
    print(f"  dry run (every row checked, nothing written): {check_rate:>9,.0f} rows/s")
    print(f"  import (checked, matched, written):          {import_rate:>10,.0f} rows/s")
    if floor:
        ratio = floor / imported
        verdict = "OK" if ratio >= 0.25 else "BELOW TARGET"
        print(f"  import / raw load into the same tables = {ratio:.1%}  (target >= 25%)  {verdict}")
    print(f"  import / raw load into one bare table   = {import_rate / raw_rate:.1%}")
    print(f"  peak memory of this process: {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
