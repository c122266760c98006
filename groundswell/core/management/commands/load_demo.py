"""`manage.py load_demo`: fill the database with an invented, believable movement for trying Groundswell."""

import time
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from groundswell.core.demo.guard import database_is_empty
from groundswell.core.demo.load import load_demo
from groundswell.core.demo.summary import login_lines, summary_lines
from groundswell.core.demo.write_accounts import existing_logins


class Command(BaseCommand):
    help = (
        "Load the demo movement: invented people over real UK postcode districts, local groups, "
        "networks and demo logins. Deterministic from --seed. Refuses to run over existing people; "
        "--flush DELETES every person and group first."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--seed", type=int, default=2026, help="Same seed, same movement.")
        parser.add_argument("--people", type=int, default=20000, help="How many people (min 50).")
        wipe_or_skip = parser.add_mutually_exclusive_group()
        wipe_or_skip.add_argument(
            "--flush", action="store_true", help="DELETE every person and group first."
        )
        wipe_or_skip.add_argument(
            "--if-empty",
            action="store_true",
            help="Load only into an empty database; otherwise print the demo logins and stop.",
        )

    def handle(
        self, *args: Any, seed: int, people: int, flush: bool, if_empty: bool, **options: Any
    ) -> None:
        if people < 50:
            raise CommandError("--people must be at least 50, to fill the groups.")
        if if_empty and not database_is_empty():
            self._already_loaded()
            return
        started = time.monotonic()
        logins = load_demo(seed, people, flush=flush)
        lines = summary_lines() + [""] + login_lines(logins)
        lines.append(f"\nLoaded in {time.monotonic() - started:.1f}s (seed {seed}).")
        self.stdout.write("\n".join(lines))

    def _already_loaded(self) -> None:
        logins = existing_logins()
        if not logins:
            self.stdout.write(
                "The database already holds people: the demo movement was not loaded."
            )
            return
        self.stdout.write("The demo movement is already loaded; nothing changed.\n")
        self.stdout.write("\n".join(summary_lines() + [""] + login_lines(logins)))
